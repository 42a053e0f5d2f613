#!/usr/bin/env bash
# Creates, starts (start) or stops and deletes (stop) the Payara Server domain that the
# in-container tests run against in CI. The domain is fresh every run, on ports of its own
# (base 28000: admin 28048, HTTP 28080) so it never collides with a running launcher, and it is
# configured by setup-domain.sh exactly as production would be. The database and the SMS and mail
# peers are the build's (a throwaway PostgreSQL cluster, an SMPP simulator and GreenMail, all on
# loopback), given as setup-domain.sh reads them: PORTCULLIS_DB and PORTCULLIS_DB_*, PORTCULLIS_SMSC,
# PORTCULLIS_SMSC_SYSTEM_ID, PORTCULLIS_SMSC_PASSWORD, PORTCULLIS_SMTP (H2 under DATA_DIR when
# PORTCULLIS_DB is unset).
# Usage: ci-domain.sh start|stop PAYARA_HOME DATA_DIR
set -euo pipefail
action="$1"
export PAYARA_HOME="$2"
data="$3"
export DOMAIN=portcullis-ci
export AS_ADMIN_PORT=28048
asadmin() { "$PAYARA_HOME/bin/asadmin" --interactive=false "$@"; }
chmod +x "$PAYARA_HOME"/bin/* "$PAYARA_HOME"/glassfish/bin/* 2>/dev/null || true

case "$action" in
  start)
    asadmin stop-domain "$DOMAIN" >/dev/null 2>&1 || true
    asadmin delete-domain "$DOMAIN" >/dev/null 2>&1 || true
    asadmin create-domain --portbase 28000 --nopassword=true "$DOMAIN" >/dev/null
    asadmin start-domain "$DOMAIN"
    # keep the data grid on loopback and off the default ports of a developer's launcher
    asadmin set-hazelcast-configuration --startport 28900 --dasport 28490 \
      --interfaces 127.0.0.1 --dynamic false >/dev/null
    asadmin create-jvm-options '-Dportcullis.test.base-url=http\://127.0.0.1\:28080' >/dev/null
    asadmin create-jvm-options '-Dportcullis.public-url=http\://127.0.0.1\:28080' >/dev/null
    asadmin create-jvm-options '-Dportcullis.alerts.duty-email=duty@portcullis.test' >/dev/null
    # where the database keeps its files, for the test that searches them for plaintext
    if [[ -n "${PORTCULLIS_TEST_DATABASE_DIR:-}" ]]; then
      asadmin create-jvm-options "-Dportcullis.test.database-dir=$PORTCULLIS_TEST_DATABASE_DIR" >/dev/null
    fi
    PORTCULLIS_DATA="$data" \
      PORTCULLIS_KEYSTORE_PASSWORD="test-keystore-password" \
      PORTCULLIS_ADMIN_PASSWORD="test-admin-password" \
      PORTCULLIS_BIND=127.0.0.1 \
      PORTCULLIS_SERVICE_NUMBER="${PORTCULLIS_SERVICE_NUMBER:-70707}" \
      "$(dirname "$0")/setup-domain.sh"
    ;;
  stop)
    asadmin stop-domain "$DOMAIN"
    ;;
  *)
    echo "usage: $0 start|stop PAYARA_HOME DATA_DIR" >&2
    exit 2
    ;;
esac
