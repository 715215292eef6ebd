"""Date polls: finding the time of a body's next meeting."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from samspill.clusters.models import ClusterScoped, Person

from .bodies import Body
from .meetings import Meeting


class DatePoll(ClusterScoped):
    """Finding a date for a body's next meeting: candidate times the members answer by their
    personal links; the one chosen becomes a planned meeting."""

    body = models.ForeignKey(Body, on_delete=models.CASCADE, related_name="polls")
    title = models.CharField(_("title"), max_length=200)
    created_at = models.DateTimeField(auto_now_add=True)
    meeting = models.ForeignKey(
        Meeting, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("date poll")
        verbose_name_plural = _("date polls")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return self.title

    def url_kwargs(self) -> dict:
        return {**self.body.url_kwargs(), "pk": self.pk}


class PollAnswer(models.TextChoices):
    YES = "yes", _("Yes")
    IF_NEEDED = "if_needed", _("If need be")
    NO = "no", _("No")


class DatePollSlot(ClusterScoped):
    poll = models.ForeignKey(DatePoll, on_delete=models.CASCADE, related_name="slots")
    starts_at = models.DateTimeField(_("starts"))

    class Meta:
        ordering = ["starts_at", "pk"]

    def __str__(self) -> str:
        return f"{self.poll}: {self.starts_at:%d.%m.%Y %H:%M}"


class DatePollVote(ClusterScoped):
    slot = models.ForeignKey(DatePollSlot, on_delete=models.CASCADE, related_name="votes")
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="poll_votes")
    answer = models.CharField(max_length=20, choices=PollAnswer.choices)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["slot", "person"], name="one_vote_per_slot")]
