"""Read-only representations of the knowledge: compact ones for lists, full ones for detail screens."""

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from conditions import models as m


class RefSerializer(serializers.Serializer):
    """A reference to another record: its code and display name."""

    code = serializers.CharField()
    name = serializers.CharField()


class SourceSerializer(serializers.ModelSerializer):
    """A citation."""

    class Meta:
        model = m.Source
        fields = (
            "code",
            "name",
            "title",
            "authors",
            "year",
            "url",
            "kind",
            "doi",
            "pmid",
            "guideline_number",
            "summary",
        )


class SourceRefSerializer(serializers.ModelSerializer):
    """A citation, in short."""

    class Meta:
        model = m.Source
        fields = ("code", "title", "authors", "year", "kind", "doi", "pmid", "guideline_number")


# --- link rows, flattened to the record on the other end ------------------------------------------


class RegionLinkSerializer(serializers.Serializer):
    """A body region reached through a link, with how typical the link is."""

    code = serializers.CharField(source="region.code")
    name = serializers.CharField(source="region.name")
    typicality = serializers.CharField(required=False)
    note = serializers.CharField()


class RootLinkSerializer(serializers.Serializer):
    """A nerve root reached through a link."""

    code = serializers.CharField(source="root.code")
    name = serializers.CharField(source="root.name")


class TypicalRootLinkSerializer(RootLinkSerializer):
    """A nerve root reached through a link, with how typical it is."""

    typicality = serializers.CharField()
    note = serializers.CharField()


class ContributingRootSerializer(RootLinkSerializer):
    """A root serving a muscle action or reflex, principal or contributing."""

    contribution = serializers.CharField()
    note = serializers.CharField()


class KeyMuscleRootSerializer(ContributingRootSerializer):
    """A root serving a muscle action, flagged when it is that root's ISNCSCI key muscle."""

    is_key_muscle = serializers.BooleanField()


class NerveLinkSerializer(serializers.Serializer):
    """A peripheral nerve reached through a link."""

    code = serializers.CharField(source="nerve.code")
    name = serializers.CharField(source="nerve.name")


class NotedNerveLinkSerializer(NerveLinkSerializer):
    """A peripheral nerve reached through a link, with a note."""

    note = serializers.CharField()


class ConditionLinkSerializer(serializers.Serializer):
    """A condition reached through a link."""

    code = serializers.CharField(source="condition.code")
    name = serializers.CharField(source="condition.name")


class TypicalConditionLinkSerializer(ConditionLinkSerializer):
    """A condition reached through a link, with how typical the link is."""

    typicality = serializers.CharField()
    note = serializers.CharField()


class AccuracySerializer(serializers.Serializer):
    """The diagnostic accuracy of a finding for a condition, with its provenance."""

    sensitivity = serializers.FloatField(allow_null=True)
    specificity = serializers.FloatField(allow_null=True)
    lr_positive = serializers.FloatField(allow_null=True)
    lr_negative = serializers.FloatField(allow_null=True)
    provenance = serializers.CharField()
    source = serializers.CharField(source="source.code", allow_null=True, default=None)
    rationale = serializers.CharField()
    note = serializers.CharField()
    sample_size = serializers.IntegerField(
        allow_null=True, help_text="For a study figure: how many people the study (or pooled studies) examined."
    )
    confidence_interval = serializers.CharField(help_text="For a study figure, where the paper gives it.")


class ConditionEvidenceSerializer(AccuracySerializer):
    """How well a symptom or test points to a condition, seen from the finding."""

    code = serializers.CharField(source="condition.code")
    name = serializers.CharField(source="condition.name")


class SymptomEvidenceSerializer(AccuracySerializer):
    """How well a symptom points to a condition, seen from the condition."""

    code = serializers.CharField(source="symptom.code")
    name = serializers.CharField(source="symptom.name")


class TestEvidenceSerializer(AccuracySerializer):
    """How well an examination test points to a condition, seen from the condition."""

    code = serializers.CharField(source="test.code")
    name = serializers.CharField(source="test.name")


# --- nerve roots, regions, actions, reflexes, nerves -----------------------------------------------


class NerveRootListSerializer(serializers.ModelSerializer):
    """A nerve root, in short."""

    class Meta:
        model = m.NerveRoot
        fields = ("code", "name", "segment", "position", "summary")


class DermatomeRegionSerializer(RegionLinkSerializer):
    """A region of a root's dermatome."""

    typicality = serializers.CharField()


class MyotomeActionSerializer(serializers.Serializer):
    """A muscle action of a root's myotome."""

    code = serializers.CharField(source="action.code")
    name = serializers.CharField(source="action.name")
    contribution = serializers.CharField()
    is_key_muscle = serializers.BooleanField()
    note = serializers.CharField()


class RootReflexSerializer(serializers.Serializer):
    """A reflex a root carries."""

    code = serializers.CharField(source="reflex.code")
    name = serializers.CharField(source="reflex.name")
    contribution = serializers.CharField()
    note = serializers.CharField()


class NerveRootDetailSerializer(NerveRootListSerializer):
    """Everything about a nerve root: dermatome, myotome, reflexes, nerves and conditions."""

    dermatome = DermatomeRegionSerializer(source="dermatome_links", many=True)
    myotome = MyotomeActionSerializer(source="myotome_links", many=True)
    reflexes = RootReflexSerializer(source="reflex_links", many=True)
    nerves = NerveLinkSerializer(source="nerve_links", many=True)
    conditions = TypicalConditionLinkSerializer(source="condition_links", many=True)
    sources = SourceRefSerializer(many=True)

    class Meta(NerveRootListSerializer.Meta):
        fields = (
            *NerveRootListSerializer.Meta.fields,
            "key_sensory_point",
            "dermatome",
            "myotome",
            "reflexes",
            "nerves",
            "conditions",
            "sources",
        )


class BodyRegionListSerializer(serializers.ModelSerializer):
    """A body-map region, in short."""

    class Meta:
        model = m.BodyRegion
        fields = ("code", "name", "position", "summary")


class BodyRegionDetailSerializer(BodyRegionListSerializer):
    """A body region with the roots and nerves that supply it and the conditions felt there."""

    nerve_roots = TypicalRootLinkSerializer(source="dermatome_links", many=True)
    nerves = NotedNerveLinkSerializer(source="nerve_links", many=True)
    conditions = TypicalConditionLinkSerializer(source="condition_links", many=True)
    sources = SourceRefSerializer(many=True)

    class Meta(BodyRegionListSerializer.Meta):
        fields = (*BodyRegionListSerializer.Meta.fields, "nerve_roots", "nerves", "conditions", "sources")


class MuscleActionListSerializer(serializers.ModelSerializer):
    """A muscle action, in short."""

    class Meta:
        model = m.MuscleAction
        fields = ("code", "name", "muscles", "summary")


class MuscleActionDetailSerializer(MuscleActionListSerializer):
    """A muscle action with the roots and nerves that serve it."""

    nerve_roots = KeyMuscleRootSerializer(source="myotome_links", many=True)
    nerves = NotedNerveLinkSerializer(source="nerve_links", many=True)
    sources = SourceRefSerializer(many=True)

    class Meta(MuscleActionListSerializer.Meta):
        fields = (*MuscleActionListSerializer.Meta.fields, "how_to_test", "nerve_roots", "nerves", "sources")


class ReflexListSerializer(serializers.ModelSerializer):
    """A reflex, in short."""

    class Meta:
        model = m.Reflex
        fields = ("code", "name", "summary")


class ReflexDetailSerializer(ReflexListSerializer):
    """A reflex with the roots that carry it."""

    nerve_roots = ContributingRootSerializer(source="root_links", many=True)
    sources = SourceRefSerializer(many=True)

    class Meta(ReflexListSerializer.Meta):
        fields = (*ReflexListSerializer.Meta.fields, "how_to_elicit", "nerve_roots", "sources")


class NerveListSerializer(serializers.ModelSerializer):
    """A peripheral nerve, in short."""

    parent = serializers.CharField(source="parent.code", allow_null=True, default=None)

    class Meta:
        model = m.Nerve
        fields = ("code", "name", "parent", "summary")


class NerveSensoryRegionSerializer(serializers.Serializer):
    """A region whose skin a nerve supplies."""

    code = serializers.CharField(source="region.code")
    name = serializers.CharField(source="region.name")
    note = serializers.CharField()


class NerveMotorActionSerializer(serializers.Serializer):
    """A muscle action a nerve drives."""

    code = serializers.CharField(source="action.code")
    name = serializers.CharField(source="action.name")
    note = serializers.CharField()


class NerveDetailSerializer(NerveListSerializer):
    """A nerve with its roots, branches, territory, motor actions and conditions."""

    nerve_roots = RootLinkSerializer(source="root_links", many=True)
    branches = RefSerializer(many=True)
    sensory_regions = NerveSensoryRegionSerializer(source="sensory_links", many=True)
    motor_actions = NerveMotorActionSerializer(source="motor_links", many=True)
    conditions = ConditionLinkSerializer(source="condition_links", many=True)
    sources = SourceRefSerializer(many=True)

    class Meta(NerveListSerializer.Meta):
        fields = (
            *NerveListSerializer.Meta.fields,
            "motor_note",
            "nerve_roots",
            "branches",
            "sensory_regions",
            "motor_actions",
            "conditions",
            "sources",
        )


# --- findings ------------------------------------------------------------------------------------


class SymptomListSerializer(serializers.ModelSerializer):
    """A symptom, in short."""

    class Meta:
        model = m.Symptom
        fields = ("code", "name", "question", "summary")


class SymptomDetailSerializer(SymptomListSerializer):
    """A symptom with how well it points to each condition."""

    conditions = ConditionEvidenceSerializer(source="condition_links", many=True)
    sources = SourceRefSerializer(many=True)

    class Meta(SymptomListSerializer.Meta):
        fields = (*SymptomListSerializer.Meta.fields, "conditions", "sources")


class ClinicalTestListSerializer(serializers.ModelSerializer):
    """An examination test, in short."""

    class Meta:
        model = m.ClinicalTest
        fields = ("code", "name", "summary")


class ClinicalTestDetailSerializer(ClinicalTestListSerializer):
    """An examination test, how to do it, and how well it points to each condition."""

    conditions = ConditionEvidenceSerializer(source="condition_links", many=True)
    sources = SourceRefSerializer(many=True)

    class Meta(ClinicalTestListSerializer.Meta):
        fields = (
            *ClinicalTestListSerializer.Meta.fields,
            "how_to_perform",
            "positive_finding",
            "conditions",
            "sources",
        )


# --- conditions ----------------------------------------------------------------------------------


class ConditionListSerializer(serializers.ModelSerializer):
    """A condition, in short."""

    class Meta:
        model = m.Condition
        fields = ("code", "name", "category", "icd10_codes", "prior", "summary")


class RelatedConditionSerializer(serializers.Serializer):
    """Another condition and how it relates to this one."""

    code = serializers.CharField()
    name = serializers.CharField()
    relation = serializers.ChoiceField(
        choices=["causes", "may_cause", "differential_of", "caused_by", "may_be_caused_by"]
    )
    note = serializers.CharField()


class RedFlagRefSerializer(serializers.ModelSerializer):
    """A red flag, in short."""

    class Meta:
        model = m.RedFlag
        fields = ("code", "name", "urgency")


class ConditionTreatmentSerializer(serializers.Serializer):
    """A treatment for a condition and whether it is recommended."""

    code = serializers.CharField(source="treatment.code")
    name = serializers.CharField(source="treatment.name")
    kind = serializers.CharField(source="treatment.kind")
    recommendation = serializers.CharField()
    evidence_note = serializers.CharField()
    source = serializers.CharField(source="source.code", allow_null=True, default=None)


class ConditionExerciseSerializer(serializers.Serializer):
    """An exercise that suits a condition or is to be avoided, with the reason."""

    code = serializers.CharField(source="exercise.code")
    name = serializers.CharField(source="exercise.name")
    reason = serializers.CharField()


INVERSE_RELATION = {"causes": "caused_by", "may_cause": "may_be_caused_by", "differential_of": "differential_of"}


class ConditionModifierSerializer(serializers.ModelSerializer):
    """How the condition's odds change with age band, sex or how long symptoms have lasted."""

    source = serializers.CharField(source="source.code", allow_null=True, default=None)

    class Meta:
        model = m.ConditionModifier
        fields = (
            "code",
            "kind",
            "minimum",
            "maximum",
            "sex",
            "likelihood_ratio",
            "provenance",
            "source",
            "rationale",
            "note",
        )
        extra_kwargs = {
            "minimum": {"help_text": "Lowest age in years, or duration in days, of the band (inclusive)."},
            "maximum": {"help_text": "Highest age in years, or duration in days, of the band (inclusive)."},
            "likelihood_ratio": {"help_text": "Multiplies the prior odds for a person in the band."},
        }


class ConditionDetailSerializer(ConditionListSerializer):
    """Everything a condition screen shows: anatomy, evidence, red flags, care and sources."""

    prior_source = serializers.CharField(source="prior_source.code", allow_null=True, default=None)
    nerve_roots = TypicalRootLinkSerializer(source="root_links", many=True)
    nerves = NotedNerveLinkSerializer(source="nerve_links", many=True)
    pain_regions = RegionLinkSerializer(source="region_links", many=True)
    symptoms = SymptomEvidenceSerializer(source="symptom_links", many=True)
    tests = TestEvidenceSerializer(source="test_links", many=True)
    modifiers = ConditionModifierSerializer(many=True)
    red_flags = RedFlagRefSerializer(many=True)
    treatments = ConditionTreatmentSerializer(source="treatment_links", many=True)
    exercises = serializers.SerializerMethodField()
    exercises_to_avoid = serializers.SerializerMethodField()
    related_conditions = serializers.SerializerMethodField()
    sources = SourceRefSerializer(many=True)

    class Meta(ConditionListSerializer.Meta):
        fields = (
            *ConditionListSerializer.Meta.fields,
            "synonyms",
            "prior_provenance",
            "prior_source",
            "prior_rationale",
            "care_level",
            "note",
            "nerve_roots",
            "nerves",
            "pain_regions",
            "symptoms",
            "tests",
            "modifiers",
            "red_flags",
            "treatments",
            "exercises",
            "exercises_to_avoid",
            "related_conditions",
            "sources",
        )

    def exercises_with(self, condition, suitability):
        links = [link for link in condition.exercise_links.all() if link.suitability == suitability]
        return ConditionExerciseSerializer(links, many=True).data

    @extend_schema_field(ConditionExerciseSerializer(many=True))
    def get_exercises(self, condition):
        return self.exercises_with(condition, m.ConditionExercise.Suitability.SUITABLE)

    @extend_schema_field(ConditionExerciseSerializer(many=True))
    def get_exercises_to_avoid(self, condition):
        return self.exercises_with(condition, m.ConditionExercise.Suitability.AVOID)

    @extend_schema_field(RelatedConditionSerializer(many=True))
    def get_related_conditions(self, condition):
        related = [
            {"code": r.to_condition.code, "name": r.to_condition.name, "relation": r.kind, "note": r.note}
            for r in condition.relations_out.all()
        ]
        related += [
            {
                "code": r.from_condition.code,
                "name": r.from_condition.name,
                "relation": INVERSE_RELATION[r.kind],
                "note": r.note,
            }
            for r in condition.relations_in.all()
        ]
        return RelatedConditionSerializer(related, many=True).data


# --- red flags, treatments, exercises -------------------------------------------------------------


class RedFlagListSerializer(serializers.ModelSerializer):
    """A red flag, in short."""

    condition = serializers.CharField(source="condition.code")

    class Meta:
        model = m.RedFlag
        fields = ("code", "name", "urgency", "condition", "summary")


class TriggerCriterionSerializer(serializers.ModelSerializer):
    """One criterion of a red-flag trigger."""

    target = serializers.SerializerMethodField()

    class Meta:
        model = m.TriggerCriterion
        fields = ("kind", "target", "number", "group")

    def get_target(self, criterion) -> str | None:
        target = criterion.symptom or criterion.test or criterion.region or criterion.action or criterion.reflex
        return target.code if target else None


class RedFlagTriggerSerializer(serializers.ModelSerializer):
    """One way a red flag fires: every criterion without a group holds, and each group has `group_minimum`."""

    urgency = serializers.SerializerMethodField()
    criteria = TriggerCriterionSerializer(many=True)

    class Meta:
        model = m.RedFlagTrigger
        fields = ("code", "description", "urgency", "group_minimum", "criteria")

    def get_urgency(self, trigger) -> str:
        return trigger.urgency or trigger.red_flag.urgency


class RedFlagDetailSerializer(RedFlagListSerializer):
    """A red flag with what to do and the curated triggers that fire it."""

    condition = RefSerializer()
    triggers = RedFlagTriggerSerializer(many=True)
    sources = SourceRefSerializer(many=True)

    class Meta(RedFlagListSerializer.Meta):
        fields = (*RedFlagListSerializer.Meta.fields, "action", "triggers", "sources")


class TreatmentListSerializer(serializers.ModelSerializer):
    """A treatment, in short."""

    class Meta:
        model = m.Treatment
        fields = ("code", "name", "kind", "summary")


class TreatmentConditionSerializer(serializers.Serializer):
    """A condition a treatment is (not) recommended for."""

    code = serializers.CharField(source="condition.code")
    name = serializers.CharField(source="condition.name")
    recommendation = serializers.CharField()
    evidence_note = serializers.CharField()
    source = serializers.CharField(source="source.code", allow_null=True, default=None)


class TreatmentDetailSerializer(TreatmentListSerializer):
    """A treatment, its evidence, and its recommendation for each condition."""

    conditions = TreatmentConditionSerializer(source="condition_links", many=True)
    sources = SourceRefSerializer(many=True)

    class Meta(TreatmentListSerializer.Meta):
        fields = (*TreatmentListSerializer.Meta.fields, "evidence_summary", "conditions", "sources")


class ExerciseListSerializer(serializers.ModelSerializer):
    """An exercise, in short."""

    class Meta:
        model = m.Exercise
        fields = ("code", "name", "kind", "difficulty", "summary")


class ExerciseConditionSerializer(serializers.Serializer):
    """A condition an exercise suits or should be avoided with."""

    code = serializers.CharField(source="condition.code")
    name = serializers.CharField(source="condition.name")
    reason = serializers.CharField()


class ExerciseDetailSerializer(ExerciseListSerializer):
    """An exercise with its steps, dosage, cautions, and the conditions it suits or should avoid."""

    steps = serializers.ListField(child=serializers.CharField())
    suitable_for = serializers.SerializerMethodField()
    avoid_for = serializers.SerializerMethodField()
    sources = SourceRefSerializer(many=True)

    class Meta(ExerciseListSerializer.Meta):
        fields = (
            *ExerciseListSerializer.Meta.fields,
            "steps",
            "sets",
            "repetitions",
            "hold_seconds",
            "duration_minutes",
            "frequency",
            "cautions",
            "suitable_for",
            "avoid_for",
            "sources",
        )

    def conditions_with(self, exercise, suitability):
        links = [link for link in exercise.condition_links.all() if link.suitability == suitability]
        return ExerciseConditionSerializer(links, many=True).data

    @extend_schema_field(ExerciseConditionSerializer(many=True))
    def get_suitable_for(self, exercise):
        return self.conditions_with(exercise, m.ConditionExercise.Suitability.SUITABLE)

    @extend_schema_field(ExerciseConditionSerializer(many=True))
    def get_avoid_for(self, exercise):
        return self.conditions_with(exercise, m.ConditionExercise.Suitability.AVOID)
