import os, django
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "refpain.settings"); os.environ.setdefault("SECRET_KEY", "x")
os.environ["DATABASE_URL"] = "sqlite:////tmp/dump.sqlite3"
django.setup()
from django.contrib.auth import get_user_model
from conditions import models as m
from conditions.review import proposed_changes, change_request_submit, change_request_approve
U = get_user_model().objects
e = U.get_or_create(username="e1")[0]; r = U.get_or_create(username="r1")[0]
with proposed_changes() as p:
    c = m.Condition.objects.get(code="hip-osteoarthritis"); c.prior = 0.05; c.save()
cr = change_request_submit(author=e, changes=p["changes"])
change_request_approve(change_request=cr, reviewer=r)
h = m.Condition.objects.get(code="hip-osteoarthritis").history.order_by("-history_date")[:2]
new, old = h[0], h[1]
d = new.diff_against(old)
print([c.field for c in d.changes], new.history_change_reason)
print([ (c.field, c.old, c.new) for c in d.changes][:3])
