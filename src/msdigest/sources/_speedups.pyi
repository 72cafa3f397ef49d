# Type stub for the compiled walker (_speedups.pyx); see record_parts.py.
from lxml import etree

from msdigest.sources.record_parts import RecordParts

SOURCE_SHA256: str

def parts_from_element(record: etree._Element) -> RecordParts: ...
def plain_text(raw: str | None) -> str: ...
def find_start_tag(
    data: bytes, start: int, stop: int, names: tuple[bytes, ...]
) -> tuple[int, int]: ...
