"""A small HTTP client for the live tests: many threads, each sending requests until told to stop."""

import json
import threading
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field

ASSESSMENT = {
    "age": 52,
    "pain_regions": [{"region": "buttock", "side": "left"}, {"region": "thigh-posterior", "side": "left"}],
    "sensory_changes": [{"region": "foot-lateral", "side": "left", "kind": "numbness"}],
    "symptoms": {"leg-pain-below-knee": True, "bladder-dysfunction": False},
    "tests": {"straight-leg-raise": "positive"},
}


@dataclass
class Answer:
    """One response as a client saw it."""

    at: float
    method: str
    path: str
    status: int
    body: dict | None
    retry_after: str | None


@dataclass
class Load:
    """Clients posting assessments (and reading knowledge) in a loop until stopped or out of time."""

    base: str
    clients: int
    seconds: float
    read_path: str | None = None
    answers: list[Answer] = field(default_factory=list)

    def __post_init__(self):
        self.stopping = threading.Event()
        self.lock = threading.Lock()
        self.threads = [threading.Thread(target=self.client, args=(n,), daemon=True) for n in range(self.clients)]

    def start(self) -> "Load":
        self.deadline = time.monotonic() + self.seconds
        for thread in self.threads:
            thread.start()
        return self

    def wait(self) -> list[Answer]:
        for thread in self.threads:
            thread.join()
        return self.answers

    def stop(self) -> list[Answer]:
        self.stopping.set()
        return self.wait()

    def client(self, number: int) -> None:
        turn = 0
        while not self.stopping.is_set() and time.monotonic() < self.deadline:
            turn += 1
            if self.read_path and turn % 3 == 0:
                answer = request(self.base, "GET", self.read_path)
            else:
                answer = request(self.base, "POST", "/api/v1/assessments/", ASSESSMENT)
            with self.lock:
                self.answers.append(answer)


def request(base: str, method: str, path: str, body: dict | None = None) -> Answer:
    data = json.dumps(body).encode() if body is not None else None
    headers = {"Content-Type": "application/json"} if data else {}
    req = urllib.request.Request(f"{base}{path}", data=data, headers=headers, method=method)
    try:
        with urllib.request.urlopen(req, timeout=15) as response:
            return Answer(time.monotonic(), method, path, response.status, parse(response.read()), None)
    except urllib.error.HTTPError as error:
        return Answer(time.monotonic(), method, path, error.code, parse(error.read()), error.headers.get("Retry-After"))
    except OSError:
        return Answer(time.monotonic(), method, path, 0, None, None)


def parse(raw: bytes) -> dict | None:
    try:
        return json.loads(raw)
    except ValueError:
        return None


def start_of_a_fresh_minute(needed: float = 20) -> None:
    """Wait, if need be, until the current minute has `needed` seconds left: limits count in windows of a
    whole minute, and a burst must not straddle two of them."""
    into_minute = time.time() % 60
    if into_minute > 60 - needed:
        time.sleep(60 - into_minute + 0.5)
