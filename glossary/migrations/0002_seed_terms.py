from django.db import migrations


def seed_terms(apps, schema_editor):
    from glossary.seed import seed

    seed(apps.get_model("glossary", "GlossaryTerm"), apps.get_model("glossary", "GlossaryRendering"))


class Migration(migrations.Migration):
    dependencies = [("glossary", "0001_glossary_terms")]

    operations = [migrations.RunPython(seed_terms, migrations.RunPython.noop)]
