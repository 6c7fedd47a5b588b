"""The example's traced function: the ADOT layer instruments it; the handler only answers."""
import json


def handler(event, context):
    return {"statusCode": 200, "body": json.dumps({"hello": "traced world"})}
