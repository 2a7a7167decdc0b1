"""The change requests' old admin addresses (from before they had an app of their own) redirect to the new ones."""

from django.urls import re_path, reverse
from django.views.generic import RedirectView


class MovedAdminPage(RedirectView):
    """A bookmarked or e-mailed link to a change request under /admin/conditions/ still opens it."""

    permanent = True

    def get_redirect_url(self, *args, model: str, rest: str, **kwargs) -> str:
        url = f"{reverse('admin:index')}curation/{model}/{rest}"
        query = self.request.META.get("QUERY_STRING", "")
        return f"{url}?{query}" if query else url


moved_admin_urls = [
    re_path(r"^conditions/(?P<model>changerequest|pendingchangerequest)/(?P<rest>.*)$", MovedAdminPage.as_view()),
]
