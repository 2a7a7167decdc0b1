"""URL configuration: the versioned JSON API, its schema and docs, and the admin for curators."""

from django.contrib import admin
from django.urls import include, path, re_path
from drf_spectacular.views import SpectacularSwaggerSplitView
from rest_framework.routers import DefaultRouter

from assessments.api.interview import InterviewView
from assessments.api.messages import MessagesView
from assessments.api.statistics import AssessmentStatisticsView
from assessments.api.views import AssessmentViewSet
from conditions.api.pictures import BodyMapAPIView, DermatomePictureView, TerritoryPictureView
from conditions.api.urls import KNOWLEDGE_ROUTES
from conditions.api.views import CsvExportView, ExportView
from curation.api.views import VersionListView
from curation.urls import moved_admin_urls
from privacy.api.views import AccountDataView, AccountView
from refpain.admin_sign_in import admin_sign_in
from refpain.auth import TokenView
from refpain.health import healthz
from refpain.http.openapi import SchemaView
from refpain.index import index
from refpain.registration import RegistrationView

# The trailing slash is optional, so a client that leaves it out gets an answer, not a redirect.
router = DefaultRouter()
router.trailing_slash = "/?"
router.include_format_suffixes = False
for prefix, viewset, basename in KNOWLEDGE_ROUTES:
    router.register(prefix, viewset, basename=basename)
router.register("assessments", AssessmentViewSet, basename="assessment")

api_v1 = [
    *router.urls,
    path("export/", ExportView.as_view(), name="export"),
    path("export/csv/", CsvExportView.as_view(), name="export-csv"),
    path("body-map/", BodyMapAPIView.as_view(), name="body-map"),
    path("versions/", VersionListView.as_view(), name="versions"),
    path("interview/", InterviewView.as_view(), name="interview"),
    path("messages/", MessagesView.as_view(), name="messages"),
    path("statistics/assessments/", AssessmentStatisticsView.as_view(), name="assessment-statistics"),
    re_path(r"^nerve-roots/(?P<code>[A-Za-z0-9_-]+)/dermatome\.svg$", DermatomePictureView.as_view(), name="dermatome"),
    re_path(r"^nerves/(?P<code>[A-Za-z0-9_-]+)/territory\.svg$", TerritoryPictureView.as_view(), name="territory"),
    path("auth/token/", TokenView.as_view(), name="auth-token"),
    path("auth/register/", RegistrationView.as_view(), name="auth-register"),
    path("account/", AccountView.as_view(), name="account"),
    path("account/data/", AccountDataView.as_view(), name="account-data"),
]

urlpatterns = [
    path("", index, name="index"),
    path("healthz", healthz, name="healthz"),
    path("api/v1/", include((api_v1, "v1"))),
    path("api/schema/", SchemaView.as_view(), name="schema"),
    # The split view serves the docs' start-up script as a file of its own: no inline script to allow.
    path("api/docs/", SpectacularSwaggerSplitView.as_view(url_name="schema"), name="docs"),
    path("admin/login/", admin_sign_in),  # the admin's own page, under the sign-in limit
    path("admin/", include(moved_admin_urls)),
    path("admin/", admin.site.urls),
]

handler400 = "refpain.http.errors.bad_request"
handler403 = "refpain.http.errors.permission_denied"
handler404 = "refpain.http.errors.not_found"
handler500 = "refpain.http.errors.server_error"
