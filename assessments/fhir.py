"""A stored assessment as a FHIR R4 Bundle, for clinical systems.

The Bundle (type `collection`) holds an anonymous Patient (only the sex, when given), one Observation per
finding, a Condition per listed condition (verification status `differential`), a ClinicalImpression
whose findings are those conditions with their probabilities, and a RiskAssessment with the triage.

Codes: a condition carries the ICD-10-CM codes the knowledge gives it (system
http://hl7.org/fhir/sid/icd-10-cm) and nothing else from an outside code system is invented; every
refpain code (symptom, test, region, condition, …) is coded in a system named by the URL of the API list
that defines it, for example https://<host>/api/v1/symptoms/.
"""

import uuid
from dataclasses import dataclass

ICD10_CM = "http://hl7.org/fhir/sid/icd-10-cm"
UCUM = "http://unitsofmeasure.org"
VERIFICATION = "http://terminology.hl7.org/CodeSystem/condition-ver-status"
GENDERS = {"female": "female", "male": "male", "other": "other"}
SIDE_WORDS = {"left": "on the left", "right": "on the right", "both": "on both sides"}


@dataclass(frozen=True)
class Lookups:
    """What the Bundle names from the knowledge: display names by kind and code, ICD-10-CM codes, code systems."""

    names: dict[str, dict[str, str]]  # kind (symptoms, clinical_tests, …) -> code -> display name
    icd10: dict[str, list[str]]  # condition code -> its ICD-10-CM codes
    systems: dict[str, str]  # kind -> the URL of the API list that defines its codes


class BundleBuilder:
    """Builds the Bundle of one assessment; each resource gets a stable urn:uuid from the assessment's id."""

    def __init__(self, assessment, lookups: Lookups):
        self.assessment = assessment
        self.lookups = lookups
        self.entries: list[dict] = []
        self.effective = assessment.created_at.isoformat()

    def urn(self, local: str) -> str:
        return f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, f'refpain:assessment:{self.assessment.id}:{local}')}"

    def add(self, local: str, resource: dict) -> dict:
        reference = {"reference": self.urn(local)}
        self.entries.append({"fullUrl": self.urn(local), "resource": resource})
        return reference

    def concept(self, kind: str, code: str, text: str | None = None) -> dict:
        name = self.lookups.names.get(kind, {}).get(code, code)
        coding = {"system": self.lookups.systems[kind], "code": code, "display": name}
        return {"coding": [coding], "text": text or name}

    def bundle(self) -> dict:
        data, result = self.assessment.input, self.assessment.result
        patient = self.add("patient", patient_resource(data.get("sex")))
        observations = self.findings(data, patient)
        conditions = [
            (entry, self.add(f"condition/{entry['code']}", self.condition(entry, patient)))
            for entry in result.get("conditions", [])
        ]
        self.add("impression", self.impression(result, patient, observations, conditions))
        self.add("triage", self.triage(result, patient, observations))
        return {
            "resourceType": "Bundle",
            "identifier": {"system": "urn:ietf:rfc:3986", "value": f"urn:uuid:{self.assessment.id}"},
            "type": "collection",
            "timestamp": self.effective,
            "entry": self.entries,
        }

    def observation(self, local: str, patient: dict, code: dict, **value) -> dict:
        resource = {
            "resourceType": "Observation",
            "status": "final",
            "code": code,
            "subject": patient,
            "effectiveDateTime": self.effective,
            **value,
        }
        return self.add(f"observation/{local}", resource)

    def findings(self, data: dict, patient: dict) -> list[dict]:
        found = [self.observation("age", patient, {"text": "Age"}, valueQuantity=quantity(data["age"], "years", "a"))]
        if data.get("duration_days") is not None:
            found.append(
                self.observation(
                    "duration",
                    patient,
                    {"text": "How long the symptoms have lasted"},
                    valueQuantity=quantity(data["duration_days"], "days", "d"),
                )
            )
        for index, item in enumerate(data.get("pain_regions") or []):
            site = self.concept("body_regions", item["region"])
            site["text"] = f"{site['text']}, {SIDE_WORDS.get(item['side'], item['side'])}"
            found.append(self.observation(f"pain/{index}", patient, {"text": "Pain"}, bodySite=site, valueBoolean=True))
        for index, item in enumerate(data.get("sensory_changes") or []):
            site = self.concept("body_regions", item["region"])
            site["text"] = f"{site['text']}, {SIDE_WORDS.get(item['side'], item['side'])}"
            kind = {"numbness": "Numbness", "tingling": "Tingling"}.get(item["kind"], item["kind"])
            found.append(
                self.observation(f"sensory/{index}", patient, {"text": kind}, bodySite=site, valueBoolean=True)
            )
        for index, item in enumerate(data.get("weakness") or []):
            found.append(
                self.observation(
                    f"weakness/{index}",
                    patient,
                    self.concept("muscle_actions", item["action"]),
                    valueString=f"weak {SIDE_WORDS.get(item['side'], item['side'])}",
                )
            )
        for index, item in enumerate(data.get("reflexes") or []):
            found.append(
                self.observation(
                    f"reflex/{index}",
                    patient,
                    self.concept("reflexes", item["reflex"]),
                    valueString=f"{item['status']} {SIDE_WORDS.get(item['side'], item['side'])}",
                )
            )
        for code, present in sorted((data.get("symptoms") or {}).items()):
            found.append(
                self.observation(f"symptom/{code}", patient, self.concept("symptoms", code), valueBoolean=present)
            )
        for code, outcome in sorted((data.get("tests") or {}).items()):
            found.append(
                self.observation(f"test/{code}", patient, self.concept("clinical_tests", code), valueString=outcome)
            )
        return found

    def condition(self, entry: dict, patient: dict) -> dict:
        code = self.concept("conditions", entry["code"], entry.get("name"))
        code["coding"] = [{"system": ICD10_CM, "code": icd} for icd in self.lookups.icd10.get(entry["code"], [])] + [
            code["coding"][0]
        ]
        return {
            "resourceType": "Condition",
            "verificationStatus": {"coding": [{"system": VERIFICATION, "code": "differential"}]},
            "code": code,
            "subject": patient,
            "recordedDate": self.effective,
            "note": [{"text": role_text(entry)}],
        }

    def impression(self, result: dict, patient: dict, observations: list[dict], conditions) -> dict:
        return {
            "resourceType": "ClinicalImpression",
            "status": "completed",
            "description": (
                f"refpain assessment (engine {result.get('engine_version')}, "
                f"knowledge {result.get('knowledge_version')})"
            ),
            "subject": patient,
            "effectiveDateTime": self.effective,
            "date": self.effective,
            "investigation": [{"code": {"text": "Findings reported and examined"}, "item": observations}],
            "summary": summary_text(result),
            "finding": [{"itemReference": reference, "basis": role_text(entry)} for entry, reference in conditions],
            "note": [{"text": result.get("disclaimer", "")}] if result.get("disclaimer") else [],
        }

    def triage(self, result: dict, patient: dict, observations: list[dict]) -> dict:
        triage = result.get("triage", {})
        prediction = {
            "outcome": {"text": f"Triage: {triage.get('level', 'unknown')}"},
            "rationale": " ".join(map(text_of, triage.get("reasons", []))) or "No rule raised the level.",
        }
        flags = [
            f"{flag.get('name')} ({flag.get('urgency')}): {flag.get('action')}" for flag in triage.get("red_flags", [])
        ]
        return {
            "resourceType": "RiskAssessment",
            "status": "final",
            "method": {"text": f"refpain assessment engine {result.get('engine_version')}"},
            "subject": patient,
            "occurrenceDateTime": self.effective,
            "basis": observations,
            "prediction": [prediction],
            "mitigation": text_of(triage.get("advice", "")),
            "note": [{"text": f"Red flag: {flag}"} for flag in flags],
        }


def text_of(sentence: str | dict) -> str:
    """A sentence of a stored result: a plain string (engine 2) or a message with its text (engine 3)."""
    return sentence.get("text", "") if isinstance(sentence, dict) else sentence


def patient_resource(sex: str | None) -> dict:
    patient = {"resourceType": "Patient"}
    if sex in GENDERS:
        patient["gender"] = GENDERS[sex]
    return patient


def quantity(value: int, unit: str, code: str) -> dict:
    return {"value": value, "unit": unit, "system": UCUM, "code": code}


def role_text(entry: dict) -> str:
    if entry.get("rule_out"):
        return "Must be ruled out: a red flag points to it (no probability is given)."
    probability = entry.get("probability")
    chance = f"{probability:.0%} likely" if isinstance(probability, int | float) else "likelihood not given"
    role = "a pattern its causes explain" if entry.get("role") == "syndrome" else "a possible cause"
    return f"{chance}; {role}."


def summary_text(result: dict) -> str:
    triage = result.get("triage", {})
    causes = [entry.get("name", entry.get("code")) for entry in result.get("conditions", [])][:3]
    return f"Triage {triage.get('level', 'unknown')}. Leading explanations: {', '.join(causes) or 'none'}."


def assessment_bundle(assessment, lookups: Lookups) -> dict:
    """The FHIR R4 Bundle (a collection) of one stored assessment."""
    return BundleBuilder(assessment, lookups).bundle()
