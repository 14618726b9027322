#!/bin/sh
# test_crash.sh — six kill -9 rounds (three of a loop of writes, three of
# an import of 5,000 rows): tests/crash/test_crash.sh (50 rounds of
# 50,000-row imports in make stress) made smaller.
ROUNDS=${ROUNDS:-6} ROWS=${ROWS:-5000} \
    exec sh "$(dirname "$0")/../crash/test_crash.sh"
