"""What the apps' Word documents (python-docx) share: the text's language, header rows."""

# Word's language tags for the site's languages.
WORD_LANGUAGES = {"nb": "nb-NO", "nn": "nn-NO", "en": "en-GB"}


def set_language(document, language: str) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    tag = WORD_LANGUAGES.get(language, language)
    rpr = document.styles["Normal"].element.get_or_add_rPr()
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.append(lang)
    lang.set(qn("w:val"), tag)
    lang.set(qn("w:eastAsia"), tag)
    lang.set(qn("w:bidi"), tag)


def repeat_header(row) -> None:
    """Mark a table row as its header, repeated on every page (and read as such)."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    row._tr.get_or_add_trPr().append(header)
