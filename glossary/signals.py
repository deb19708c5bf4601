from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from .checks import invalidate
from .models import GlossaryRendering, GlossaryTerm


@receiver([post_save, post_delete], sender=GlossaryTerm)
@receiver([post_save, post_delete], sender=GlossaryRendering)
def glossary_changed(sender, **kwargs):
    invalidate()
