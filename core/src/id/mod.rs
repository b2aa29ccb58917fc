//! Identifiers: NIK, KK, NOP PBB-P2, NPWP, NIB and phone numbers.
