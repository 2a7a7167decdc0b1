"""Django's own admin, with the clinicians' home page: installed in place of django.contrib.admin (settings)."""

from django.contrib.admin.apps import AdminConfig


class ClinicianAdminConfig(AdminConfig):
    """The admin app, whose default site is the clinicians' (curation/site.py)."""

    default_site = "curation.site.ClinicianAdminSite"
