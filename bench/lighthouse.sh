#!/usr/bin/env bash
# Lighthouse (Google's page audit, from npm: bench/tools) on an article that shows an uploaded 4000 x 3000
# camera photo, at phone size (Lighthouse's mobile defaults: 412 px, throttled CPU and network), against the
# same audit of the home page in the same run. Uses Debian's Chromium; downloads no browser.
# Prints the four category scores and the performance metrics; writes bench/results/lighthouse.md.
# Needs: chromium, npm. Usage: bench/lighthouse.sh PHOTO.jpg (any large JPEG; tests make one with NetVips)
set -euo pipefail
cd "$(dirname "$0")/.."
. tests/lib/servers.sh
photo=$(realpath "${1:?a large JPEG photo}")
# npm install, not npm ci: npm 11 calls this lock file out of sync over a nested optional package it does install.
npm install --prefix bench/tools --no-audit --no-fund --ignore-scripts >/dev/null
servers_begin lighthouse
publish_site
port=5201; base="http://127.0.0.1:$port"
start_node site "$port" SysRift__DataPath="$work/data" "${setup_env[@]}"; wait_200 "$base/health/ready"

# The editor's path: upload through the library (alt text asked there), then the article's body shows it.
sign_in "$base" "$work/jar"
token=$(curl -sf -b "$work/jar" -c "$work/jar" "$base/admin/media" | sed -n 's/.*name="__RequestVerificationToken" type="hidden" value="\([^"]*\)".*/\1/p' | head -n 1)
curl -sf -b "$work/jar" -c "$work/jar" -o /dev/null -X POST "$base/admin/media" -F "__RequestVerificationToken=$token" -F "file=@$photo;type=image/jpeg" -F "altText=A lake at dawn"
image=$(curl -sf -b "$work/jar" "$base/admin/media" | grep -o '/media/[a-z0-9-]*\.jpg' | head -n 1)
[ -n "$image" ] || { echo "the upload did not reach the library" >&2; exit 1; }
site SysRift__DataPath="$work/data" -- recipe export --out "$work/site.recipe.json" 2>/dev/null
python3 - "$work/site.recipe.json" "$image" <<'PY'
import json, sys
path, image = sys.argv[1], sys.argv[2]
recipe = json.load(open(path))
for step in recipe["steps"]:
    if step["name"].lower() == "content":
        article = next(item for item in step["data"] if item["ContentItemId"] == "article01")
        body = article["MarkdownBodyPart"]
        body["Markdown"] = body["Markdown"].replace("\n\n", f"\n\n![A lake at dawn]({image})\n\n", 1)
        step["data"] = [article]
recipe["steps"] = [s for s in recipe["steps"] if s["name"].lower() == "content"]
json.dump(recipe, open(path, "w"))
PY
site SysRift__DataPath="$work/data" -- recipe import "$work/site.recipe.json" 2>/dev/null | tail -n 1
article="$base/$(curl -sf "$base/articles" | grep -o 'href="/articles/from-request[a-z0-9-]*"' | head -1 | sed 's/href="\///; s/"$//')"
curl -sf "$article" | grep -q '<picture>' || { echo "the article does not show the photo as a picture" >&2; exit 1; }

audit() { # url name
  CHROME_PATH=/usr/bin/chromium bench/tools/node_modules/.bin/lighthouse "$1" --quiet --output=json --output-path="$work/$2.json" \
    --chrome-flags="--headless=new --no-sandbox --disable-gpu" >/dev/null 2>&1
  python3 - "$work/$2.json" "$2" <<'PY'
import json, sys
report = json.load(open(sys.argv[1])); a = report["audits"]
scores = " | ".join(str(round(report["categories"][c]["score"] * 100)) for c in ["performance", "accessibility", "best-practices", "seo"])
print(f"| {sys.argv[2]} | {scores} | {a['largest-contentful-paint']['displayValue']} | {a['cumulative-layout-shift']['displayValue']} | {a['total-byte-weight']['displayValue']} |")
PY
}
{
  echo "# Lighthouse (bench/lighthouse.sh), $(date -u +%Y-%m-%d)"
  echo
  echo "Lighthouse $(node -p "require('./bench/tools/node_modules/lighthouse/package.json').version") with Debian's Chromium, mobile defaults (throttled), published Release output on loopback."
  echo "The article shows a 4000 x 3000 camera photo uploaded through the library."
  echo
  echo "| page | performance | accessibility | best practices | SEO | LCP | CLS | bytes |"
  echo "| --- | --- | --- | --- | --- | --- | --- | --- |"
  audit "$base/" "home (reference)"
  audit "$article" "article with the photo"
  echo
  echo "The photo follows the article's first paragraph, below the first screen at phone size: it loads lazily, so the"
  echo "audit's page weight may leave it out. Its phone-size WebP copy (under 150 KB) is measured by ImageJourneyTests."
} | tee "$work/result.md"
cp "$work/result.md" bench/results/lighthouse.md
