"""claims: turn health copy into claim records with caveats, boosters and evidence."""

from claims.annotate import annotate_file, annotate_text
from claims.models import AnnotatedDocument, Claim, Document

__all__ = ["AnnotatedDocument", "Claim", "Document", "annotate_file", "annotate_text"]
__version__ = "0.1.0"
