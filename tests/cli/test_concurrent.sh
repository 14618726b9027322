#!/bin/sh
# test_concurrent.sh — four writers at once through the command line, 300
# writes each: tests/crash/test_concurrent.sh (10,000 each in make
# stress) with WRITES set lower.
WRITES=${WRITES:-300} exec sh "$(dirname "$0")/../crash/test_concurrent.sh"
