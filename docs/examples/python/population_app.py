#!/usr/bin/env python3
"""A population app in Python: reads a granted patient set's medications from SMART Cohort Container.

Signs 2-legged OAuth 1.0a requests as the app (requests-oauthlib), follows the cursor from page to page, parses the
N-Triples with rdflib and tabulates the CSV projection with pandas. See docs/population.md and docs/python-client.md.

Usage: population_app.py API_BASE APP_ID APP_SECRET PATIENT_SET_ID
Prints one JSON object: the statements, records and the five most frequent drugs of the set.
"""
import io
import json
import sys
from collections import Counter
from urllib.parse import urljoin

import pandas
import rdflib
import requests
from requests_oauthlib import OAuth1

SP = rdflib.Namespace("http://smartplatforms.org/terms#")
DCTERMS = rdflib.Namespace("http://purl.org/dc/terms/")


def pages(session, url, accept):
    """Yields each page of a streamed read (a complete document), following Link: rel="next"."""
    while url:
        answer = session.get(url, headers={"Accept": accept}, timeout=300)
        if answer.status_code != 200:
            error = answer.json() if answer.headers.get("Content-Type", "").startswith("application/json") else {}
            raise SystemExit(f"{answer.status_code} {error.get('code', '')}: {error.get('message', answer.text[:200])}")
        yield answer
        nxt = answer.links.get("next", {}).get("url")
        url = urljoin(url, nxt) if nxt else None


def main(api_base, app_id, app_secret, set_id):
    session = requests.Session()
    # 2-legged: the app's consumer key and secret, no token; OAuth parameters in the Authorization header
    session.auth = OAuth1(app_id, client_secret=app_secret, signature_type="AUTH_HEADER")
    data = f"{api_base.rstrip('/')}/cohort/patient-sets/{set_id}/data/medications/"

    graph = rdflib.Graph()
    records = 0
    for page in pages(session, data, "application/n-triples"):
        graph.parse(data=page.text, format="nt")
        records += int(page.headers.get("X-SmartCC-Records", "0"))
    drugs = Counter()
    for medication in graph.subjects(rdflib.RDF.type, SP.Medication):
        for name in graph.objects(medication, SP.drugName):
            drugs[str(graph.value(name, DCTERMS.title))] += 1

    table = pandas.concat([pandas.read_csv(io.StringIO(page.text), dtype=str)
                           for page in pages(session, data, "text/csv")], ignore_index=True)
    print(json.dumps({
        "statements": len(graph),
        "records": records,
        "medications": len(set(graph.subjects(rdflib.RDF.type, SP.Medication))),
        "csv_rows": len(table),
        "csv_records": table["record_id"].nunique() if len(table) else 0,
        "top_drugs": drugs.most_common(5),
    }))


if __name__ == "__main__":
    if len(sys.argv) != 5:
        raise SystemExit(__doc__)
    main(*sys.argv[1:])
