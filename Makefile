# Shortcuts for the README's commands.
.PHONY: run test bench audit

run:
	./bin/serve

test:
	./bin/test

bench:
	./bin/bench

audit:
	./bin/audit
