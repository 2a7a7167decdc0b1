# Shortcuts for the README's commands.
.PHONY: run test bench

run:
	./bin/serve

test:
	./bin/test

bench:
	./bin/bench
