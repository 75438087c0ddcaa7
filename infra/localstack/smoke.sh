#!/usr/bin/env bash
# Smoke test of the stack deployed to LocalStack by deploy.sh (needs Docker; NOT run on the project's
# machines, which have no Docker engine). Loads the plan, issues a credential, submits progress through the
# HTTP API, invokes the alert and summary functions directly (LocalStack's EventBridge Scheduler never
# fires), and checks that LocalStack's SES received at least one message.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../bin/lib.sh"
use_jdk
cd "$XILIAN_ROOT"
venv="${XILIAN_VENV:-$XILIAN_ROOT/.local/venv}"   # created by deploy.sh
export PATH="$venv/bin:$PATH" AWS_DEFAULT_REGION="${AWS_DEFAULT_REGION:-us-east-1}" \
       AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test
ls_endpoint="${LOCALSTACK_ENDPOINT:-http://localhost:4566}"
stack="${STACK_NAME:-xilian-localstack}"

output() { awslocal cloudformation describe-stacks --stack-name "$stack" \
  --query "Stacks[0].Outputs[?OutputKey=='$1'].OutputValue" --output text; }
function_name() { awslocal cloudformation describe-stack-resource --stack-name "$stack" \
  --logical-resource-id "$1" --query StackResourceDetail.PhysicalResourceId --output text; }

table="$(output TableName)"
api_url="$(output ApiUrl)"                         # https://<apiId>.execute-api.<region>.amazonaws.com/
api_id="${api_url#https://}"; api_id="${api_id%%.*}"
# LocalStack serves the API on <apiId>.execute-api.localhost.localstack.cloud (resolves to 127.0.0.1).
base="http://$api_id.execute-api.localhost.localstack.cloud:${ls_endpoint##*:}"
echo "table=$table api=$base"

# The plan (create nothing: the stack owns the table); then a unit credential through the admin command.
XILIAN_DYNAMODB_ENDPOINT="$ls_endpoint" XILIAN_DYNAMODB_TABLE="$table" XILIAN_DYNAMODB_REGION="$AWS_DEFAULT_REGION" \
  infra/bin/load-plan infra/plans/plan-2026.json
link="$(XILIAN_DYNAMODB_ENDPOINT="$ls_endpoint" XILIAN_DYNAMODB_TABLE="$table" XILIAN_DYNAMODB_REGION="$AWS_DEFAULT_REGION" \
  infra/bin/credentials issue donghai --days 1 | grep -o 'token=[A-Za-z0-9_-]*' | head -n1)"
token="${link#token=}"
[ -n "$token" ] || { echo "FAIL: no credential issued" >&2; exit 1; }

# A 受阻 (blocked) report: alerts the coordinators.
task="$(curl -fsS -H "Authorization: Bearer $token" "$base/api/v1/tasks" | grep -o '"id":"[^"]*"' | head -n1 | cut -d'"' -f4)"
status="$(curl -sS -o "$XILIAN_ROOT/.local/smoke-submit.json" -w '%{http_code}' -X POST "$base/api/v1/tasks/$task/progress" \
  -H "Authorization: Bearer $token" -H 'Content-Type: application/json' -H "Idempotency-Key: smoke-$(date +%s)" \
  --data '{"status":"受阻","percent":10,"progress":"LocalStack 冒烟测试","problems":"用地指标未落实"}')"
[ "$status" = 201 ] || { echo "FAIL: POST progress → $status: $(cat "$XILIAN_ROOT/.local/smoke-submit.json")" >&2; exit 1; }
echo "submitted progress on task $task"

curl -fsS -X DELETE "$ls_endpoint/_aws/ses" >/dev/null || true
for fn in AlertScanFunction WeeklySummaryFunction; do
  payload='{}'  # as the schedules send it: "today" in Asia/Shanghai
  awslocal lambda invoke --function-name "$(function_name "$fn")" --cli-binary-format raw-in-base64-out \
    --payload "$payload" "$XILIAN_ROOT/.local/smoke-$fn.json" --query FunctionError --output text \
    | grep -qv Unhandled || { echo "FAIL: $fn: $(cat "$XILIAN_ROOT/.local/smoke-$fn.json")" >&2; exit 1; }
  echo "invoked $fn"
done

messages="$(curl -fsS "$ls_endpoint/_aws/ses" | grep -o '"Id"' | wc -l)"
[ "$messages" -ge 1 ] || { echo "FAIL: no message in $ls_endpoint/_aws/ses" >&2; exit 1; }
echo "OK: $messages message(s) sent"
