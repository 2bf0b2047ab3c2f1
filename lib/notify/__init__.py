"""What cannot wait reaches people: alerts on urgent comments and their escalation, spike
alerts, the morning digest, sent by `python -m lib notify --once` and by `sync --every`."""
