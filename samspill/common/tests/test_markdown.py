from samspill.common.markdown import render_markdown


def test_markdown_is_rendered_and_raw_html_cannot_script():
    html = render_markdown(
        '**Mandat**\n\n- sak\n\n<script>alert(1)</script><a href="javascript:x" onclick="y">l</a>'
    )
    assert "<strong>Mandat</strong>" in html
    assert "<li>sak</li>" in html
    assert "<script" not in html and "onclick" not in html and "javascript:" not in html
