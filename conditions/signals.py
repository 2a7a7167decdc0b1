"""Keep the knowledge version moving whenever curated content changes."""

from django.db.models.signals import m2m_changed, post_delete, post_save

from .versioning import bump_knowledge_version_on_commit, curated_models


def bump_on_save(sender, raw=False, **kwargs):
    # Raw saves (loaddata) are not curation; load_knowledge suspends bumps and versions a load once.
    if not raw:
        bump_knowledge_version_on_commit()


def bump_on_delete(sender, **kwargs):
    bump_knowledge_version_on_commit()


def bump_on_m2m_change(sender, action, **kwargs):
    if action.startswith("post_"):
        bump_knowledge_version_on_commit()


def connect_version_signals() -> None:
    """Connect the bumps to the curated models only, so other models keep Django's fast deletes."""
    for model in curated_models():
        if model._meta.auto_created:
            m2m_changed.connect(bump_on_m2m_change, sender=model, dispatch_uid=f"knowledge-m2m-{model._meta.label}")
        else:
            post_save.connect(bump_on_save, sender=model, dispatch_uid=f"knowledge-save-{model._meta.label}")
            post_delete.connect(bump_on_delete, sender=model, dispatch_uid=f"knowledge-delete-{model._meta.label}")
