"""The gunicorn worker refpain runs: gunicorn's sync worker, with its own error answers in the JSON error shape."""

import json

from gunicorn import util
from gunicorn.workers.sync import SyncWorker


def write_json_error(sock, status_int: int, reason: str, mesg: str) -> None:
    """gunicorn's util.write_error, writing the project's error body and security headers instead of an HTML page."""
    # Imported here: gunicorn's master loads this module before Django is set up; a worker has it ready.
    from refpain.http.errors import error_body, error_code_for_status
    from refpain.http.headers import security_headers

    body = json.dumps(error_body(status_int, error_code_for_status(status_int), mesg or reason)).encode()
    headers = "".join(f"{name}: {value}\r\n" for name, value in security_headers())
    head = (
        f"HTTP/1.1 {status_int} {reason}\r\nConnection: close\r\nContent-Type: application/json\r\n"
        f"Content-Length: {len(body)}\r\n{headers}\r\n"
    )
    util.write_nonblock(sock, head.encode("latin-1") + body)


class JSONErrorWorker(SyncWorker):
    """A sync worker whose answers to requests gunicorn cannot take (400, 414, 431, …) are JSON, not HTML."""

    def init_process(self):
        # gunicorn picks the status and logs in handle_error, then writes its page with util.write_error:
        # in this worker's own process, that writer sends the project's JSON error shape instead.
        util.write_error = write_json_error
        super().init_process()
