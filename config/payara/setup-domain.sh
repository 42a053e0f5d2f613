#!/usr/bin/env bash
# Configures a Payara Server 6 domain for Portcullis and, if PORTCULLIS_EAR is set, deploys it.
# Run it against a running domain (asadmin start-domain); it restarts the domain at the end so
# that JVM options take effect. Idempotent: existing resources are left as they are.
#
# Settings (environment):
#   PAYARA_HOME                  Payara Server installation (required)
#   PORTCULLIS_DATA              directory for the keystore and, with H2, the database (required)
#   PORTCULLIS_KEYSTORE_PASSWORD keystore password; stored as the password alias
#                                portcullis-keystore-password, never in domain.xml (required)
#   PORTCULLIS_ADMIN_PASSWORD    password of the first staff account "admin" (alias
#                                portcullis-admin-password); optional once staff exist
#   PORTCULLIS_DB                h2 (default) or postgresql
#   PORTCULLIS_DB_HOST/PORT/NAME/USER/PASSWORD  PostgreSQL connection (password as alias
#                                portcullis-db-password; for H2 a random one is made when unset);
#                                the PostgreSQL JDBC driver jar must be given in
#                                PORTCULLIS_DB_DRIVER_JAR
#   PORTCULLIS_SMTP              SMTP server host:port of the mail/portcullis session (required)
#   PORTCULLIS_MAIL_FROM         sender of every mail (default Portcullis <no-reply@portcullis.local>)
#   PORTCULLIS_SMSC              SMPP gateway host:port of the SMS adapter (required)
#   PORTCULLIS_SMSC_SYSTEM_ID    SMPP system id (required)
#   PORTCULLIS_SMSC_PASSWORD     SMPP password, kept as the alias portcullis-smsc-password (required)
#   PORTCULLIS_SERVICE_NUMBER    source address of sent SMS, the number customers text (required)
#   PORTCULLIS_SMSC_RATE         SMS per second the gateway allows (default 10; 0 = no limit)
#   PORTCULLIS_BIND              address of the HTTP listener and the data grid (default 0.0.0.0
#                                for HTTP; set 127.0.0.1 to keep everything on loopback)
#   PORTCULLIS_HEAP              the server's maximum heap (default 1g; the domain's own 512m is
#                                too little for Argon2id's 19 MiB per concurrent check)
#   PORTCULLIS_EAR               EAR to deploy (optional)
#   AS_ADMIN_USER / AS_ADMIN_PASSWORDFILE  asadmin credentials, as asadmin itself reads them
set -euo pipefail

: "${PAYARA_HOME:?set PAYARA_HOME to the Payara Server installation}"
: "${PORTCULLIS_DATA:?set PORTCULLIS_DATA to the data directory}"
: "${PORTCULLIS_KEYSTORE_PASSWORD:?set PORTCULLIS_KEYSTORE_PASSWORD (no default)}"
: "${PORTCULLIS_SMTP:?set PORTCULLIS_SMTP to the SMTP server host:port}"
: "${PORTCULLIS_SMSC:?set PORTCULLIS_SMSC to the SMPP gateway host:port}"
: "${PORTCULLIS_SMSC_SYSTEM_ID:?set PORTCULLIS_SMSC_SYSTEM_ID}"
: "${PORTCULLIS_SMSC_PASSWORD:?set PORTCULLIS_SMSC_PASSWORD (no default)}"
: "${PORTCULLIS_SERVICE_NUMBER:?set PORTCULLIS_SERVICE_NUMBER}"
DOMAIN="${DOMAIN:-domain1}"
DB="${PORTCULLIS_DB:-h2}"
ASADMIN="$PAYARA_HOME/bin/asadmin"
mkdir -p "$PORTCULLIS_DATA"
DATA="$(cd "$PORTCULLIS_DATA" && pwd)"

asadmin() { "$ASADMIN" --interactive=false "$@"; }
# asadmin treats ':' and '=' in property values as separators
escape() { printf '%s' "$1" | sed -e 's/\\/\\\\/g' -e 's/:/\\:/g' -e 's/=/\\=/g'; }

# Secrets go into password aliases: the domain stores them encrypted, and options refer to them.
set_alias() {
  local name="$1" value="$2" file
  file="$(mktemp)"
  chmod 600 "$file"
  printf 'AS_ADMIN_ALIASPASSWORD=%s\n' "$value" >"$file"
  if asadmin list-password-aliases 2>/dev/null | grep -qx "$name"; then
    asadmin --passwordfile "$file" update-password-alias "$name" >/dev/null
  else
    asadmin --passwordfile "$file" create-password-alias "$name" >/dev/null
  fi
  rm -f "$file"
}

jvm_option() {
  local option="$1"
  if ! asadmin list-jvm-options | grep -qxF -- "$option"; then
    asadmin create-jvm-options -- "$(escape "$option")" >/dev/null
  fi
}

echo "Configuring $DOMAIN for Portcullis (database: $DB, data: $DATA)"
set_alias portcullis-keystore-password "$PORTCULLIS_KEYSTORE_PASSWORD"
jvm_option "-Dportcullis.data=$DATA"
jvm_option '-Dportcullis.keystore.password=${ALIAS=portcullis-keystore-password}'
if [[ -n "${PORTCULLIS_ADMIN_PASSWORD:-}" ]]; then
  set_alias portcullis-admin-password "$PORTCULLIS_ADMIN_PASSWORD"
  jvm_option '-Dportcullis.admin.password=${ALIAS=portcullis-admin-password}'
fi
jvm_option "-Djava.awt.headless=true"
HEAP="${PORTCULLIS_HEAP:-1g}"
for old in $(asadmin list-jvm-options | grep -E '^-Xmx' || true); do
  [[ "$old" == "-Xmx$HEAP" ]] || asadmin delete-jvm-options -- "$old" >/dev/null
done
jvm_option "-Xmx$HEAP"

if ! asadmin list-jdbc-connection-pools | grep -qx PortcullisPool; then
  case "$DB" in
    h2)
      # H2 takes the password of its first connection as the database's own; a random one,
      # kept as an alias, unless the operator gives one
      set_alias portcullis-db-password \
        "${PORTCULLIS_DB_PASSWORD:-$(head -c 24 /dev/urandom | base64 | tr -d '/+=')}"
      asadmin create-jdbc-connection-pool \
        --datasourceclassname org.h2.jdbcx.JdbcDataSource --restype javax.sql.DataSource \
        --steadypoolsize 4 --maxpoolsize 32 --isconnectvalidatereq true --validationmethod auto-commit \
        --property "URL=$(escape "jdbc:h2:$DATA/db/portcullis;LOCK_TIMEOUT=10000;WRITE_DELAY=0"):user=portcullis:password=\${ALIAS\=portcullis-db-password}" \
        PortcullisPool
      ;;
    postgresql)
      : "${PORTCULLIS_DB_DRIVER_JAR:?set PORTCULLIS_DB_DRIVER_JAR to the PostgreSQL JDBC driver jar}"
      : "${PORTCULLIS_DB_PASSWORD:?set PORTCULLIS_DB_PASSWORD}"
      asadmin add-library "$PORTCULLIS_DB_DRIVER_JAR" || true
      set_alias portcullis-db-password "$PORTCULLIS_DB_PASSWORD"
      asadmin create-jdbc-connection-pool \
        --datasourceclassname org.postgresql.ds.PGSimpleDataSource --restype javax.sql.DataSource \
        --steadypoolsize 8 --maxpoolsize 64 --isconnectvalidatereq true --validationmethod auto-commit \
        --property "serverName=${PORTCULLIS_DB_HOST:-localhost}:portNumber=${PORTCULLIS_DB_PORT:-5432}:databaseName=${PORTCULLIS_DB_NAME:-portcullis}:user=${PORTCULLIS_DB_USER:-portcullis}:password=\${ALIAS\=portcullis-db-password}" \
        PortcullisPool
      ;;
    *)
      echo "PORTCULLIS_DB must be h2 or postgresql, not $DB" >&2
      exit 2
      ;;
  esac
fi
if ! asadmin list-jdbc-resources | grep -qx jdbc/portcullis; then
  asadmin create-jdbc-resource --connectionpoolid PortcullisPool jdbc/portcullis
fi

# Mail goes through the mail/portcullis session; timeouts well below the outbox's claim time.
if ! asadmin list-javamail-resources | grep -qx mail/portcullis; then
  asadmin create-javamail-resource --mailhost "${PORTCULLIS_SMTP%:*}" --mailuser portcullis \
    --fromaddress "${PORTCULLIS_MAIL_FROM:-Portcullis <no-reply@portcullis.local>}" \
    --property "mail.smtp.port=${PORTCULLIS_SMTP##*:}:mail.smtp.connectiontimeout=10000:mail.smtp.timeout=10000:mail.smtp.writetimeout=10000" \
    mail/portcullis
fi
if [[ -n "${PORTCULLIS_MAIL_FROM:-}" ]]; then
  jvm_option "-Dportcullis.mail.from=$PORTCULLIS_MAIL_FROM"
fi

# The SMS adapter inside the EAR (module portcullis-sms.rar of application portcullis) is
# configured before it is deployed; its password is an alias, never in domain.xml.
set_alias portcullis-smsc-password "$PORTCULLIS_SMSC_PASSWORD"
asadmin delete-resource-adapter-config portcullis#portcullis-sms >/dev/null 2>&1 || true
asadmin create-resource-adapter-config --property \
  "host=${PORTCULLIS_SMSC%:*}:port=${PORTCULLIS_SMSC##*:}:systemId=$(escape "$PORTCULLIS_SMSC_SYSTEM_ID"):password=\${ALIAS\=portcullis-smsc-password}:sourceAddress=$(escape "$PORTCULLIS_SERVICE_NUMBER"):ratePerSecond=${PORTCULLIS_SMSC_RATE:-10}" \
  portcullis#portcullis-sms

if [[ -n "${PORTCULLIS_BIND:-}" ]]; then
  asadmin set "configs.config.server-config.network-config.network-listeners.network-listener.http-listener-1.address=$PORTCULLIS_BIND"
  # Hazelcast otherwise listens on every interface whatever its "interfaces" setting says
  asadmin set-hazelcast-configuration --interfaces "$PORTCULLIS_BIND" \
    --publicaddress "$PORTCULLIS_BIND" --daspublicaddress "$PORTCULLIS_BIND" \
    --dasbindaddress "$PORTCULLIS_BIND" --dynamic false >/dev/null
  jvm_option "-Dhazelcast.socket.bind.any=false"
fi
# Responses do not advertise the server product.
for attribute in server-header xpowered-by; do
  asadmin set "configs.config.server-config.network-config.protocols.protocol.http-listener-1.http.$attribute=false" >/dev/null
done
# The embedded default serves with 5 workers; size the pool for a verification server.
asadmin set configs.config.server-config.thread-pools.thread-pool.http-thread-pool.max-thread-pool-size=64 >/dev/null

# Mojarra writes the session's view token (CSRF secret) into the log when a protected view is
# opened with a wrong one; the console's guard filter keeps token-less requests away from Faces,
# and this logger stays quiet so that a forged token never puts the real one in the log.
asadmin set-log-levels jakarta.enterprise.resource.webcontainer.faces.lifecycle=OFF >/dev/null

asadmin restart-domain "$DOMAIN"

if [[ -n "${PORTCULLIS_EAR:-}" ]]; then
  asadmin deploy --force=true --name portcullis "$PORTCULLIS_EAR"
fi
echo "Portcullis is configured on $DOMAIN"
