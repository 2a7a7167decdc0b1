"""Changes to the knowledge wait here, as proposals, until a second clinician approves them."""

from django.conf import settings
from django.db import models


class ChangeRequestStatus(models.TextChoices):
    """Where a proposed change stands."""

    PENDING = "pending", "Awaiting review"
    APPROVED = "approved", "Approved and published"
    REJECTED = "rejected", "Rejected"


class ChangeRequest(models.Model):
    """A curator's proposed change to published knowledge, held back until another clinician approves it.

    `changes` lists every record the edit touched, in the order it touched them: for each, the model,
    what was done (create, update, delete), and the record's state before and after, as Django's
    serialiser writes it (natural keys), so the proposal reads and applies without the editor's session.
    """

    Status = ChangeRequestStatus

    summary = models.CharField(max_length=300, help_text="What the change does, in a line.")
    reason = models.TextField(
        "why this change",
        help_text="Why the author makes this change, in their words: shown to the reviewer and kept in the history.",
    )
    changes = models.JSONField()
    status = models.CharField(max_length=10, choices=ChangeRequestStatus.choices, default=ChangeRequestStatus.PENDING)
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="change_requests_made")
    created_at = models.DateTimeField(auto_now_add=True)
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="change_requests_reviewed",
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)
    review_note = models.TextField(
        blank=True, help_text="The reviewer's note: why it was rejected, or anything the author should know."
    )
    # A change that lowers a reference case below its safe triage needs two reviewers (or an administrator):
    # the first one's approval is recorded here, and the second one's decision above.
    first_reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="change_requests_first_approved",
    )
    first_reviewed_at = models.DateTimeField(null=True, blank=True)
    first_review_note = models.TextField(blank=True, help_text="The first reviewer's note on their approval.")
    published_version = models.CharField(
        max_length=40, blank=True, help_text="The knowledge version this change was published in."
    )

    class Meta:
        # The table kept its name when the model moved here from the knowledge store's app.
        db_table = "conditions_changerequest"
        ordering = ["-created_at"]
        permissions = [("review_changerequest", "Can approve or reject changes made by others")]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(status__in=ChangeRequestStatus.values), name="changerequest_status_valid"
            ),
            models.CheckConstraint(
                condition=models.Q(status=ChangeRequestStatus.PENDING)
                | (models.Q(reviewer__isnull=False) & ~models.Q(reviewer=models.F("author"))),
                name="changerequest_reviewed_by_someone_else",
            ),
            models.CheckConstraint(condition=~models.Q(reason=""), name="changerequest_has_reason"),
            models.CheckConstraint(
                condition=models.Q(first_reviewer__isnull=True)
                | (~models.Q(first_reviewer=models.F("author")) & ~models.Q(first_reviewer=models.F("reviewer"))),
                name="changerequest_two_different_reviewers",
            ),
        ]

    def __str__(self):
        return f"#{self.pk}: {self.summary}"


class PendingChangeRequest(ChangeRequest):
    """The change requests awaiting review, as their own page in the admin."""

    class Meta:
        proxy = True
        verbose_name = "change awaiting review"
        verbose_name_plural = "changes awaiting review"
