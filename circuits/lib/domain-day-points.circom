pragma circom 2.1.0;

// The points of one domain-day: scoreDomainDay of src/scoring/score.ts,
// constraint by constraint, on the measures as a leaf commits them. Inputs are
// the bits of those measures (the caller range-checks them by decomposing the
// packed leaf), so every comparison below runs on ranged values.
//
// TS reference (seconds a, visits v, interactions i):
//   if a < MIN_ACTIVE_SECONDS: 0
//   dwell = floor(min(a, T1) / 10) + floor(min(max(a - T1, 0), T2) / 60)
//   raw   = dwell + min(v, 5) * 2 + floor(min(i, 100) / 10)
//   min(raw, DOMAIN_DAY_CAP)
//
// The leaf commits u = floor(a / 10) and t = floor(i / 10), each saturated far
// above its cap (src/zk/leaf.ts). Because T1, T2 and 60 are multiples of 10 and
// 100 is a multiple of 10 (scripts/gen-circuit-constants.ts refuses to generate
// otherwise), with U = min(u, (T1 + T2) / 10):
//   floor(min(a, T1) / 10)                  = min(u, T1/10)            = tier1
//   floor(min(max(a - T1, 0), T2) / 60)     = floor((U - tier1) / 6)   = tier2
//   floor(min(i, 100) / 10)                 = min(t, 10)
//   a >= MIN_ACTIVE_SECONDS (= 10)          <=> u >= 1
// and saturation does not change any of these (every cap is below it).

include "./constants.circom";
include "./ranged.circom";

template DomainDayPoints() {
    signal input activeBits[ACTIVE_BITS()];
    signal input visitsBits[VISITS_BITS()];
    signal input interactionsBits[INTERACTIONS_BITS()];
    signal output points;

    var units = 0;
    for (var i = 0; i < ACTIVE_BITS(); i++) { units += activeBits[i] * (1 << i); }
    var visits = 0;
    for (var i = 0; i < VISITS_BITS(); i++) { visits += visitsBits[i] * (1 << i); }
    var interactionUnits = 0;
    for (var i = 0; i < INTERACTIONS_BITS(); i++) { interactionUnits += interactionsBits[i] * (1 << i); }

    // Active enough to score at all: units >= MIN_ACTIVE_UNITS.
    component isActive = GeqConstBits(ACTIVE_BITS(), MIN_ACTIVE_UNITS());
    isActive.bits <== activeBits;

    // Tier 1 points = min(units, TIER1_UNITS).
    component pastTier1 = GeqConstBits(ACTIVE_BITS(), TIER1_UNITS());
    pastTier1.bits <== activeBits;
    component tier1 = MinConst(TIER1_UNITS());
    tier1.in <== units;
    tier1.ge <== pastTier1.out;

    // U = min(units, DWELL_CAP_UNITS): time beyond both tiers earns nothing.
    component pastDwellCap = GeqConstBits(ACTIVE_BITS(), DWELL_CAP_UNITS());
    pastDwellCap.bits <== activeBits;
    component cappedUnits = MinConst(DWELL_CAP_UNITS());
    cappedUnits.in <== units;
    cappedUnits.ge <== pastDwellCap.out;

    // Tier 2 points = floor((U - tier1) / TIER2_UNITS_PER_POINT); U - tier1 is
    // max(min(units, 360) - 60, 0) <= 300, so the quotient fits bitLen(50) bits.
    component tier2 = DivConst(TIER2_UNITS_PER_POINT(), bitLen((DWELL_CAP_UNITS() - TIER1_UNITS()) \ TIER2_UNITS_PER_POINT()));
    tier2.in <== cappedUnits.out - tier1.out;

    // Visits: min(visits, VISIT_CAP) * POINTS_PER_VISIT.
    component manyVisits = GeqConstBits(VISITS_BITS(), VISIT_CAP());
    manyVisits.bits <== visitsBits;
    component visitsCapped = MinConst(VISIT_CAP());
    visitsCapped.in <== visits;
    visitsCapped.ge <== manyVisits.out;

    // Interactions: min(interaction units, INTERACTION_UNIT_CAP).
    component manyInteractions = GeqConstBits(INTERACTIONS_BITS(), INTERACTION_UNIT_CAP());
    manyInteractions.bits <== interactionsBits;
    component interactionPoints = MinConst(INTERACTION_UNIT_CAP());
    interactionPoints.in <== interactionUnits;
    interactionPoints.ge <== manyInteractions.out;

    // raw <= 60 + 50 + 10 + 10 = 130 < 2^RAW_POINTS_BITS by construction: no overflow,
    // and GeqConstBounded's range assumption holds.
    var raw = tier1.out + tier2.q + POINTS_PER_VISIT() * visitsCapped.out + interactionPoints.out;
    component overDomainCap = GeqConstBounded(RAW_POINTS_BITS(), DOMAIN_DAY_CAP());
    overDomainCap.in <== raw;
    component capped = MinConst(DOMAIN_DAY_CAP());
    capped.in <== raw;
    capped.ge <== overDomainCap.out;

    points <== isActive.out * capped.out;
}
