"""Stored assessments arrive with the assessment engine."""
