#!/usr/bin/env bash
# Deploys the SAM stack to a running LocalStack (docker compose -f infra/localstack/compose.yaml up -d).
# Needs: Docker, Maven, a JDK >= 21, Python 3 (installs aws-sam-cli-local and awscli-local into a venv).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../bin/lib.sh"
use_jdk
cd "$XILIAN_ROOT"

venv="${XILIAN_VENV:-$XILIAN_ROOT/.local/venv}"
if [ ! -x "$venv/bin/samlocal" ]; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q aws-sam-cli aws-sam-cli-local awscli awscli-local
fi
export PATH="$venv/bin:$PATH" AWS_DEFAULT_REGION="${AWS_DEFAULT_REGION:-us-east-1}" \
       AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test SAM_CLI_TELEMETRY=0

sender="${SENDER_EMAIL:-noreply@example.cn}"
awslocal ses verify-email-identity --email-address "$sender"

infra/bin/package
samlocal build
samlocal deploy --stack-name xilian-localstack --resolve-s3 --capabilities CAPABILITY_IAM \
  --no-confirm-changeset --no-fail-on-empty-changeset \
  --parameter-overrides Stage=dev "SenderEmail=$sender" CoordinatorEmails=coordinator@example.cn \
                        OpsEmail=ops@example.cn ScheduleState=DISABLED \
                        'UnitContactsJson={"donghai":["donghai@example.cn"]}'

awslocal cloudformation describe-stacks --stack-name xilian-localstack \
  --query 'Stacks[0].Outputs' --output table
