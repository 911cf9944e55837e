// Service worker entry (skeleton; wiring lands in the next commits).
export {};
