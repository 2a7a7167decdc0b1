"""Keep the knowledge version moving whenever curated content changes."""

from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver

from .versioning import bump_knowledge_version


def is_curated(model) -> bool:
    return model._meta.app_label == "conditions" and model._meta.model_name != "knowledgeversion"


@receiver(post_save)
def bump_on_save(sender, raw=False, **kwargs):
    # Fixture loads (raw saves) are versioned once, by load_knowledge, after comparing content.
    if not raw and is_curated(sender):
        bump_knowledge_version()


@receiver(post_delete)
def bump_on_delete(sender, **kwargs):
    if is_curated(sender):
        bump_knowledge_version()


@receiver(m2m_changed)
def bump_on_m2m_change(sender, action, **kwargs):
    if action.startswith("post_") and is_curated(sender):
        bump_knowledge_version()
