#!/bin/sh
# Runs a test on PostgreSQL (FIELDBOOK_TEST_ENGINE=postgres) when FIELDBOOK_TEST_PG names a
# cluster to create its databases in (ci/pg-cluster.sh start prints one); otherwise exits 77, which
# CTest reports as skipped, so that a developer without PostgreSQL still sees a green run.
if [ -z "${FIELDBOOK_TEST_PG:-}" ]; then
    echo "SKIP: FIELDBOOK_TEST_PG is not set (ci/pg-cluster.sh start DIR prints a URI for it)"
    exit 77
fi
FIELDBOOK_TEST_ENGINE=postgres
export FIELDBOOK_TEST_ENGINE
exec "$@"
