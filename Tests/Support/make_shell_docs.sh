#!/usr/bin/env bash
# Regenerates the "Commands" part of docs/shell.md from the shell's own help, keeping the
# hand-written introduction (everything up to "## Commands"). ShellDocsTests checks the result.
# Usage: bash Tests/Support/make_shell_docs.sh .build/debug/careplan
set -euo pipefail
binary=$1
store=$(mktemp -d)/doc.sqlite
doc=docs/shell.md
intro=$(sed -n '1,/^## Commands$/p' "$doc")
{
  printf '%s\n\nEach command below shows its usage, options and an example, exactly as `help COMMAND` does.\n' "$intro"
  "$binary" --no-history --store "$store" -c help | while IFS= read -r line; do
    if [[ "$line" =~ ^[A-Z][a-z] ]] && [[ "$line" != Commands* ]] && [[ "$line" != Text* ]] && [[ "$line" != Start* ]]; then
      printf '\n### %s\n' "$line"
    elif [[ "$line" =~ ^\ \ [a-z] ]]; then
      name=$(echo "$line" | sed -E 's/^  ([a-z-]+( [a-z-]+)?)  .*/\1/' | sed -E 's/ +$//')
      printf '\n```\n'
      "$binary" --no-history --store "$store" -c "help $name"
      printf '```\n'
    fi
  done
} > "$doc.new"
mv "$doc.new" "$doc"
