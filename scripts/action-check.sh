#!/usr/bin/env bash
# The check step of action.yml, kept here so that tests run exactly what the runner runs
# (tests/report/test_integration_files.py). Inputs come only from the environment:
#
#   FILES       proposal files or patterns, one a line; a line is one name, spaces included.
#               A line with a glob character (`*`, `?`, `[`) is always expanded, with globstar
#               (`**/*.yaml`) and nullglob: a file literally named `proposals/**/*.yaml` is one more
#               match, never a stand-in for the pattern. A line without one is a literal name.
#   PACK        --pack;  FAIL_UNDER  --fail-under;  FAIL_ON  --fail-on
#   ARGS        more options for `lipcheck report`, split at spaces
#   HTML SARIF  where to write those reports; empty for none
#   LIPCHECK    the lipcheck to run (default: lipcheck on PATH)
#   ACTION_REPOSITORY ACTION_REF  the action's own repository (owner/name) and ref, else
#               GITHUB_ACTION_REPOSITORY and GITHUB_ACTION_REF: SARIF's links then lead to
#               https://github.com/<repository>/blob/<ref>/docs/, the docs of the very version run.
#               Either empty or not a plain repository name and ref: no --docs-url, no links.
#   GITHUB_OUTPUT  where `exit-code=N` goes
#
# lipcheck's exit code is recorded, not returned: the action's last step passes or fails on it,
# after the SARIF upload has had its chance. No file matched at all is exit code 2.
set -uo pipefail
shopt -s globstar nullglob

escape() {  # a workflow command's message: GitHub's runner unescapes %25, %0D and %0A
  local value=${1//%/%25}
  value=${value//$'\r'/%0D}
  printf '%s' "${value//$'\n'/%0A}"
}

record() {
  echo "exit-code=$1" >> "${GITHUB_OUTPUT:-/dev/null}"
}

files=()
while IFS= read -r pattern || [ -n "$pattern" ]; do
  pattern=${pattern%$'\r'}
  pattern=${pattern#"${pattern%%[![:space:]]*}"}   # leading blanks
  pattern=${pattern%"${pattern##*[![:space:]]}"}   # trailing blanks
  [ -n "$pattern" ] || continue
  case $pattern in
    *[*?[]*) ;;  # a pattern: always expanded, so a file named like the pattern cannot stand in for it
    *)  # no glob characters: one literal name, passed on as it is (lipcheck says if it is missing)
      files+=("$pattern")
      continue
      ;;
  esac
  saved_ifs=$IFS
  IFS=  # expand the pattern as a whole: no splitting at its spaces
  # shellcheck disable=SC2206  # the expansion is the point: globstar and nullglob apply
  matches=($pattern)
  IFS=$saved_ifs
  if [ "${#matches[@]}" -eq 0 ]; then
    echo "::warning title=lipcheck::$(escape "no file matches \`$pattern\` (from the files input)")"
    continue
  fi
  files+=("${matches[@]}")
done <<< "${FILES:-proposal.yaml}"

if [ "${#files[@]}" -eq 0 ]; then
  echo "::error title=lipcheck::$(escape "no proposal file matches the files input: ${FILES:-proposal.yaml}")"
  record 2
  exit 0
fi

options=(--format github)
outputs=(-o -)
if [ -n "${SARIF:-}" ]; then options+=(--format sarif); outputs+=(-o "$SARIF"); fi
if [ -n "${HTML:-}" ]; then options+=(--format html); outputs+=(-o "$HTML"); fi
options+=("${outputs[@]}")
if [ -n "${PACK:-}" ]; then options+=(--pack "$PACK"); fi
if [ -n "${FAIL_UNDER:-}" ]; then options+=(--fail-under "$FAIL_UNDER"); fi
if [ -n "${FAIL_ON:-}" ]; then options+=(--fail-on "$FAIL_ON"); fi

# The environment is not trusted: a repository is owner/name in GitHub's characters, a ref is a
# tag, branch or commit without `..`, a leading `-` or `/`, or anything a URL would have to escape.
repository=${ACTION_REPOSITORY:-${GITHUB_ACTION_REPOSITORY:-}}
ref=${ACTION_REF:-${GITHUB_ACTION_REF:-}}
if [[ $repository =~ ^[A-Za-z0-9][A-Za-z0-9-]{0,38}/[A-Za-z0-9._-]{1,100}$ ]] \
  && [[ ${repository#*/} != . && ${repository#*/} != .. ]] \
  && [[ $ref =~ ^[A-Za-z0-9_][A-Za-z0-9._/-]{0,254}$ ]] \
  && [[ $ref != *..* && $ref != */ && $ref != *//* ]]; then
  options+=(--docs-url "https://github.com/$repository/blob/$ref/docs/")
fi
extra=()
if [ -n "${ARGS:-}" ]; then read -r -a extra <<< "$ARGS"; fi

# `--` before the files: a file named `--pack=x.yaml` is a file, never an option.
"${LIPCHECK:-lipcheck}" report "${options[@]}" ${extra[@]+"${extra[@]}"} -- "${files[@]}"
record "$?"
