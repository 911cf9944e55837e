pragma circom 2.1.0;

// The points of one domain-day: scoreDomainDay of src/scoring/score.ts,
// constraint by constraint. Inputs are the bits of the raw measures (the caller
// range-checks them by decomposing the packed leaf), so every comparison below
// runs on ranged values.
//
// TS reference:
//   if active < MIN_ACTIVE_SECONDS: 0
//   dwell = floor(min(a, T1) / 10) + floor(min(max(a - T1, 0), T2) / 60)
//   raw   = dwell + min(visits, 5) * 2 + floor(min(interactions, 100) / 10)
//   min(raw, DOMAIN_DAY_CAP)
//
// Dwell is computed in units of DWELL_UNIT_SECONDS (10 s). With A = min(a, T1 + T2)
// and q = floor(A / 10): floor(min(A, T1) / 10) = min(q, T1/10), and
// floor((A - min(A, T1)) / 60) = floor((q - min(q, T1/10)) / 6), because T1, T2
// and 60 are multiples of 10 (scripts/gen-circuit-constants.ts refuses to
// generate otherwise). a >= MIN_ACTIVE_SECONDS is q >= MIN_ACTIVE_UNITS for the
// same reason (a >= 3600 > 10 keeps this true after capping).

include "./constants.circom";
include "./ranged.circom";

template DomainDayPoints() {
    signal input activeBits[ACTIVE_BITS()];
    signal input visitsBits[VISITS_BITS()];
    signal input interactionsBits[INTERACTIONS_BITS()];
    signal output points;

    var active = 0;
    for (var i = 0; i < ACTIVE_BITS(); i++) { active += activeBits[i] * (1 << i); }
    var visits = 0;
    for (var i = 0; i < VISITS_BITS(); i++) { visits += visitsBits[i] * (1 << i); }
    var interactions = 0;
    for (var i = 0; i < INTERACTIONS_BITS(); i++) { interactions += interactionsBits[i] * (1 << i); }

    // A = min(active, DWELL_CAP_SECONDS): time beyond both tiers earns nothing.
    component overDwellCap = GeqConstBits(ACTIVE_BITS(), DWELL_CAP_SECONDS());
    overDwellCap.bits <== activeBits;
    component cappedActive = MinConst(DWELL_CAP_SECONDS());
    cappedActive.in <== active;
    cappedActive.ge <== overDwellCap.out;

    // units = floor(A / 10), A <= 3600 so units <= 360 fits bitLen(360) bits.
    var unitBits = bitLen(DWELL_CAP_UNITS());
    component units = DivConst(DWELL_UNIT_SECONDS(), unitBits);
    units.in <== cappedActive.out;

    // Active enough to score at all: units >= MIN_ACTIVE_UNITS.
    component isActive = GeqConstBits(unitBits, MIN_ACTIVE_UNITS());
    isActive.bits <== units.qBitsOut;

    // Tier 1 points = min(units, TIER1_UNITS).
    component pastTier1 = GeqConstBits(unitBits, TIER1_UNITS());
    pastTier1.bits <== units.qBitsOut;
    component tier1 = MinConst(TIER1_UNITS());
    tier1.in <== units.q;
    tier1.ge <== pastTier1.out;

    // Tier 2 points = floor((units - tier1) / TIER2_UNITS_PER_POINT); units - tier1 is
    // max(units - 60, 0) <= 300, so the quotient fits bitLen(50) bits.
    component tier2 = DivConst(TIER2_UNITS_PER_POINT(), bitLen((DWELL_CAP_UNITS() - TIER1_UNITS()) \ TIER2_UNITS_PER_POINT()));
    tier2.in <== units.q - tier1.out;

    // Visits: min(visits, VISIT_CAP) * POINTS_PER_VISIT.
    component manyVisits = GeqConstBits(VISITS_BITS(), VISIT_CAP());
    manyVisits.bits <== visitsBits;
    component visitsCapped = MinConst(VISIT_CAP());
    visitsCapped.in <== visits;
    visitsCapped.ge <== manyVisits.out;

    // Interactions: floor(min(interactions, INTERACTION_CAP) / INTERACTIONS_PER_POINT).
    component manyInteractions = GeqConstBits(INTERACTIONS_BITS(), INTERACTION_CAP());
    manyInteractions.bits <== interactionsBits;
    component interactionsCapped = MinConst(INTERACTION_CAP());
    interactionsCapped.in <== interactions;
    interactionsCapped.ge <== manyInteractions.out;
    component interactionPoints = DivConst(INTERACTIONS_PER_POINT(), bitLen(INTERACTION_CAP() \ INTERACTIONS_PER_POINT()));
    interactionPoints.in <== interactionsCapped.out;

    // raw <= 110 + 10 + 10 = 130 < 2^RAW_POINTS_BITS by construction: no overflow,
    // and GeqConstBounded's range assumption holds.
    var raw = tier1.out + tier2.q + POINTS_PER_VISIT() * visitsCapped.out + interactionPoints.q;
    component overDomainCap = GeqConstBounded(RAW_POINTS_BITS(), DOMAIN_DAY_CAP());
    overDomainCap.in <== raw;
    component capped = MinConst(DOMAIN_DAY_CAP());
    capped.in <== raw;
    capped.ge <== overDomainCap.out;

    points <== isActive.out * capped.out;
}
