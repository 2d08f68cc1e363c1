// Placeholder hook point: the courses module registers the demo K3 course seeder here.
export {};
