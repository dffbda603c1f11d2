# One page of failed source servers, with an IAM token.
curl --silent --show-error --fail-with-body --get \
  --header "X-Auth-Token: $SMS_AUTH_TOKEN" \
  --data limit=10 --data offset=0 \
  '{{endpoint}}/v3/errors'
