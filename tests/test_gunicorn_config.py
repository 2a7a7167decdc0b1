"""gunicorn as configured: no control socket shared by every instance on the host unless one is asked for."""

from tests.helpers import gunicorn_start_up_log


def test_gunicorn_opens_no_control_socket_in_the_home_directory(tmp_path):
    log = gunicorn_start_up_log(settle=1, HOME=str(tmp_path), XDG_RUNTIME_DIR="")
    assert "Booting worker" in log
    assert "Control socket" not in log
    assert not (tmp_path / ".gunicorn").exists()


def test_an_instance_given_a_control_socket_of_its_own_uses_it(tmp_path):
    socket_path = tmp_path / "refpain-8000.ctl"
    log = gunicorn_start_up_log(settle=1, HOME=str(tmp_path), GUNICORN_CONTROL_SOCKET=str(socket_path))
    assert f"Control socket listening at {socket_path}" in log
    assert not (tmp_path / ".gunicorn").exists()
