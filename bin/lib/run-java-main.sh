# Sourced by bin/ scripts: runs a main class of a module from a source checkout, with the Spark JVM flags of the root
# pom.xml and the module's runtime classpath from Maven. Builds the module (and what it needs) when its classes are
# missing or older than the sources. Maven runs offline first and goes online only if an artifact is missing.
#   run_java_main MODULE MAIN_CLASS [ARGS...]      (JAVA_OPTS adds JVM options, e.g. -Xmx12g)

mvn_offline_first() {
  "$root/mvnw" -q -o "$@" || "$root/mvnw" -q "$@"
}

run_java_main() {
  local module=$1 main=$2
  shift 2
  local classpath_file="$root/$module/target/runtime-classpath.txt"
  if [ ! -f "$classpath_file" ] || [ -n "$(find "$root"/*/src "$root/pom.xml" -newer "$classpath_file" -print -quit)" ]; then
    echo "building $module ..." >&2
    (cd "$root" && mvn_offline_first -pl "$module" -am -DskipTests install >&2)
    (cd "$root" && mvn_offline_first -pl "$module" dependency:build-classpath -Dmdep.includeScope=runtime \
      -Dmdep.outputFile="$classpath_file" >&2)
  fi
  local flags
  flags=$(sed -n 's:.*<spark.jvm.flags>\(.*\)</spark.jvm.flags>.*:\1:p' "$root/pom.xml")
  # shellcheck disable=SC2086 # the flags are a space-separated list of JVM options
  exec java ${JAVA_OPTS:-} $flags -Dlog4j2.configurationFile="$root/bin/lib/log4j2-cli.properties" \
    -Dsmartcc.data.dir="${SMARTCC_DATA_DIR:-$root/data}" \
    -cp "$root/$module/target/classes:$(cat "$classpath_file")" "$main" "$@"
}
