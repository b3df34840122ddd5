# Prints each failed test of a .trx file: its name, its message and the top of its stack trace (test.sh runs this last,
# so that the tail of a CI log says why a test failed, not only which).
# Usage: awk -f ops/lib/trx-failures.awk results/*.trx
function unescape(s) {
  gsub(/&lt;/, "<", s); gsub(/&gt;/, ">", s); gsub(/&quot;/, "\"", s); gsub(/&apos;/, "'", s); gsub(/&#xD;/, "", s); gsub(/&#xA;/, "\n", s)
  gsub(/&amp;/, "&", s)
  return s
}
/<UnitTestResult / {
  failing = ($0 ~ /outcome="(Failed|Error|Timeout|Aborted)"/)
  if (failing) {
    name = $0; sub(/.*testName="/, "", name); sub(/".*/, "", name)
    print "FAILED: " unescape(name)
    section = ""; lines = 0
  }
}
failing && /<Message>/ { section = "message"; lines = 0; sub(/.*<Message>/, "") }
failing && /<StackTrace>/ { section = "stack"; lines = 0; sub(/.*<StackTrace>/, "") }
failing && section != "" {
  line = $0; done = 0
  if (line ~ /<\/(Message|StackTrace)>/) { sub(/<\/(Message|StackTrace)>.*/, "", line); done = 1 }
  limit = (section == "message") ? 15 : 6
  if (lines < limit && line !~ /^[[:space:]]*$/) print "    " unescape(line)
  else if (lines == limit) print "    …"
  lines++
  if (done) section = ""
}
/<\/UnitTestResult>/ { failing = 0; section = "" }
