#!/usr/bin/env python3
"""Consistency checks for the curated knowledge base (data/knowledge/*.csv).

Run from the repository root:  python3 data/knowledge/validate_kb.py
Exits non-zero on the first class of error found; prints the as-of counts that
docs/knowledge.md reproduces. Standard library only; not needed at run time.
"""
import csv
import datetime as dt
import json
import os
import re
import sys
from collections import Counter, defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, '..', '..'))
CTGOV = os.path.join(ROOT, 'tests', 'data', 'ctgov')
CHECKED_ON = '2026-11-25'

HEADERS = {
    'products.csv': 'id,product_key,agency,generic_name_zh,generic_name_en,brand_zh,brand_en,code_name,sponsor_zh,sponsor_en,modality,modality_detail,target,first_indication,approval_date,approval_date_precision,approval_type,list_price,list_price_currency,counts_as_cgt,source_url,checked_on,confidence,note',
    'aliases.csv': 'entity_type,entity_id,alias,language',
    'companies.csv': 'company_key,name_zh,name_en,country,source_url,checked_on',
    'regulators.csv': 'code,name_zh,name_en,country,parent,url',
    'policies.csv': 'id,agency,date,date_precision,title_zh,title_en,kind,summary_en,source_url,checked_on,confidence',
    'statistics.csv': 'id,metric,scope,value,unit,qualifier,as_of,source_url,checked_on,note',
}
MODALITIES = {'CAR-T', 'TCR-T', 'TIL', 'CAR-NK', 'stem cell', 'cell therapy', 'gene therapy', 'gene editing',
              'small nucleic acid', 'mRNA', 'oncolytic virus', 'tissue engineering'}
PRECISIONS = {'day', 'month', 'quarter', 'year'}
POLICY_KINDS = {'guidance', 'draft_guidance', 'procedure', 'regulation', 'reimbursement'}
QUALIFIERS = {'exact', 'approx', 'over', 'at_least', 'under'}

errors = []


def err(msg):
    errors.append(msg)


def load(name):
    path = os.path.join(HERE, name)
    raw = open(path, 'rb').read()
    if raw.startswith(b'\xef\xbb\xbf'):
        err(f'{name}: has a UTF-8 BOM')
    text = raw.decode('utf-8')
    rows = list(csv.reader(text.splitlines(keepends=True)))
    header = ','.join(rows[0])
    if header != HEADERS[name]:
        err(f'{name}: header mismatch\n  got  {header}\n  want {HEADERS[name]}')
    n = len(rows[0])
    out = []
    for i, r in enumerate(rows[1:], start=2):
        if len(r) != n:
            err(f'{name}:{i}: {len(r)} fields, expected {n}')
            continue
        if any(v != v.strip() for v in r):
            err(f'{name}:{i}: leading/trailing whitespace in a field')
        out.append(dict(zip(rows[0], r)))
    return out


def parse_date(s):
    return dt.date.fromisoformat(s)


def check_precision(where, d, prec):
    if prec not in PRECISIONS:
        err(f'{where}: bad precision {prec!r}')
        return
    if prec in ('month', 'quarter', 'year') and d.day != 1:
        err(f'{where}: {prec} precision must use the first day of the period')
    if prec == 'year' and d.month != 1:
        err(f'{where}: year precision must be YYYY-01-01')
    if prec == 'quarter' and d.month not in (1, 4, 7, 10):
        err(f'{where}: quarter precision must start a quarter')


def unique(name, rows, key):
    c = Counter(r[key] for r in rows)
    for k, v in c.items():
        if v > 1:
            err(f'{name}: duplicate {key} {k!r}')


products = load('products.csv')
aliases = load('aliases.csv')
companies = load('companies.csv')
regulators = load('regulators.csv')
policies = load('policies.csv')
statistics = load('statistics.csv')

# ---------------- products ----------------
unique('products.csv', products, 'id')
pk_agency = Counter((p['product_key'], p['agency']) for p in products)
for k, v in pk_agency.items():
    if v > 1:
        err(f'products.csv: product_key {k[0]} has {v} rows for {k[1]} (first approval only)')
for p in products:
    w = f"products.csv:{p['id']}"
    if not re.fullmatch(r'[a-z0-9]+(-[a-z0-9]+)*', p['id']) or not p['id'].startswith(p['agency'].lower() + '-'):
        err(f'{w}: id must be a lowercase slug starting with the agency')
    if not re.fullmatch(r'[a-z0-9]+(-[a-z0-9]+)*', p['product_key']):
        err(f'{w}: bad product_key')
    if p['agency'] not in {'NMPA', 'FDA', 'EMA'}:
        err(f'{w}: bad agency')
    if p['modality'] not in MODALITIES:
        err(f'{w}: bad modality {p["modality"]!r}')
    try:
        d = parse_date(p['approval_date'])
        check_precision(w, d, p['approval_date_precision'])
    except ValueError:
        err(f'{w}: approval_date does not parse')
    if p['approval_date_precision'] == 'quarter' and 'Date chosen' not in p['note']:
        err(f'{w}: quarter precision needs "Date chosen" in note')
    if p['approval_type'] not in {'full', 'conditional'}:
        err(f'{w}: bad approval_type')
    if p['list_price']:
        try:
            float(p['list_price'])
        except ValueError:
            err(f'{w}: list_price not a number')
        if p['list_price_currency'] not in {'CNY', 'USD', 'EUR'}:
            err(f'{w}: list_price needs currency CNY/USD/EUR')
    elif p['list_price_currency']:
        err(f'{w}: currency without price')
    if p['counts_as_cgt'] not in {'true', 'false'}:
        err(f'{w}: counts_as_cgt must be true/false')
    if not p['source_url'].startswith(('http://', 'https://')):
        err(f'{w}: source_url')
    if p['checked_on'] != CHECKED_ON:
        err(f'{w}: checked_on')
    if p['confidence'] not in {'H', 'M', 'L'}:
        err(f'{w}: confidence')
    if not (p['generic_name_en'] or p['generic_name_zh']):
        err(f'{w}: needs a generic name')
    if p['agency'] == 'NMPA' and not p['generic_name_zh']:
        err(f'{w}: NMPA rows need generic_name_zh')
# the same product_key must describe the same molecule: same modality everywhere
mods = defaultdict(set)
for p in products:
    mods[p['product_key']].add(p['modality'])
for k, v in mods.items():
    if len(v) > 1:
        err(f'products.csv: product_key {k} has several modalities {v}')

# ---------------- companies / regulators ----------------
unique('companies.csv', companies, 'company_key')
for c in companies:
    if not re.fullmatch(r'[A-Z]{2}', c['country']):
        err(f"companies.csv:{c['company_key']}: country must be ISO 3166 alpha-2")
    if not c['name_en']:
        err(f"companies.csv:{c['company_key']}: name_en required")
    if not c['source_url'].startswith(('http://', 'https://')) or c['checked_on'] != CHECKED_ON:
        err(f"companies.csv:{c['company_key']}: source_url/checked_on")
unique('regulators.csv', regulators, 'code')
reg_codes = {r['code'] for r in regulators}
for r in regulators:
    if r['parent'] and r['parent'] not in reg_codes:
        err(f"regulators.csv:{r['code']}: unknown parent {r['parent']}")
    if not re.fullmatch(r'[A-Z]{2}', r['country']):
        err(f"regulators.csv:{r['code']}: country")

# ---------------- aliases ----------------
entities = {
    'product': {p['product_key'] for p in products},
    'company': {c['company_key'] for c in companies},
    'regulator': reg_codes,
}
alias_to = {}
for a in aliases:
    w = f"aliases.csv:{a['alias']}"
    if a['entity_type'] not in entities:
        err(f'{w}: bad entity_type')
        continue
    if a['entity_id'] not in entities[a['entity_type']]:
        err(f'{w}: unknown entity {a["entity_id"]}')
    if a['language'] not in {'zh', 'en'}:
        err(f'{w}: language must be zh or en')
    k = a['alias'].casefold()
    tgt = (a['entity_type'], a['entity_id'])
    if k in alias_to and alias_to[k] != tgt:
        err(f'{w}: maps to {alias_to[k]} and {tgt}')
    alias_to[k] = tgt
for et, ids in entities.items():
    have = {a['entity_id'] for a in aliases if a['entity_type'] == et}
    for i in sorted(ids - have):
        err(f'aliases.csv: {et} {i} has no alias')
# every name printed in products.csv resolves to its own product_key
for p in products:
    for col in ('generic_name_zh', 'brand_zh', 'brand_en'):
        v = p[col]
        if v and alias_to.get(v.casefold()) != ('product', p['product_key']):
            err(f"products.csv:{p['id']}: {col} {v!r} does not resolve to {p['product_key']}")
    # sponsors: "; "-separated, each must resolve to a company
    for col in ('sponsor_zh', 'sponsor_en'):
        for s in filter(None, (x.strip() for x in p[col].split(';'))):
            t = alias_to.get(s.casefold())
            if not t or t[0] != 'company':
                err(f"products.csv:{p['id']}: sponsor {s!r} is not a company alias")
# the worked example from the brief
for a in ['阿基仑赛注射液', '阿基仑赛', 'axicabtagene ciloleucel', 'axi-cel', 'Yescarta', '奕凯达']:
    if alias_to.get(a.casefold()) != ('product', 'axicabtagene-ciloleucel'):
        err(f'aliases.csv: {a} must map to axicabtagene-ciloleucel')
for a in ['复星凯特', 'Fosun Kite']:
    if alias_to.get(a.casefold()) != ('company', 'fosun-kite'):
        err(f'aliases.csv: {a} must map to fosun-kite')

# ---------------- policies ----------------
unique('policies.csv', policies, 'id')
for p in policies:
    w = f"policies.csv:{p['id']}"
    if p['agency'] not in reg_codes:
        err(f'{w}: agency must be a regulators.csv code')
    try:
        check_precision(w, parse_date(p['date']), p['date_precision'])
    except ValueError:
        err(f'{w}: date does not parse')
    if p['kind'] not in POLICY_KINDS:
        err(f'{w}: bad kind')
    if p['confidence'] not in {'H', 'M', 'L'} or p['checked_on'] != CHECKED_ON:
        err(f'{w}: confidence/checked_on')
    if not p['source_url'].startswith(('http://', 'https://')):
        err(f'{w}: source_url')
if len(policies) < 10:
    err('policies.csv: fewer than 10 rows')

# ---------------- statistics ----------------
unique('statistics.csv', statistics, 'id')
for s in statistics:
    w = f"statistics.csv:{s['id']}"
    try:
        float(s['value'])
    except ValueError:
        err(f'{w}: value not numeric')
    if s['qualifier'] not in QUALIFIERS:
        err(f'{w}: bad qualifier')
    if s['as_of']:
        if not re.fullmatch(r'\d{4}(-\d{2}(-\d{2})?)?', s['as_of']):
            err(f'{w}: as_of must be YYYY, YYYY-MM or YYYY-MM-DD')
        elif len(s['as_of']) == 10:
            try:
                parse_date(s['as_of'])
            except ValueError:
                err(f'{w}: as_of does not parse')
    elif 'as_of unknown' not in s['note']:
        err(f'{w}: empty as_of must be explained ("as_of unknown")')
    if not s['source_url'].startswith(('http://', 'https://')) or s['checked_on'] != CHECKED_ON:
        err(f'{w}: source_url/checked_on')


# ---------------- as-of counts ----------------
def approved_as_of(agency, day, since=None, cgt_only=True):
    out = []
    for p in products:
        if p['agency'] != agency or (cgt_only and p['counts_as_cgt'] != 'true'):
            continue
        d = parse_date(p['approval_date'])
        if d <= day and (since is None or d > since):
            out.append(p)
    return out


def by_modality(rows):
    return dict(sorted(Counter(p['modality'] for p in rows).items()))


def expect(label, got, want):
    status = 'ok' if got == want else 'MISMATCH'
    print(f'  {label}: {got}  [{status}]')
    if got != want:
        err(f'as-of count {label}: got {got}, want {want}')


if not errors:
    D1, D2 = dt.date(2025, 9, 16), dt.date(2025, 12, 31)
    print('NMPA CGT products (counts_as_cgt=true):')
    s1 = approved_as_of('NMPA', D1)
    expect('total as of 2025-09-16', len(s1), 14)
    expect('by modality as of 2025-09-16', by_modality(s1),
           {'CAR-T': 7, 'gene therapy': 2, 'oncolytic virus': 1, 'small nucleic acid': 3, 'stem cell': 1})
    expect('approved 2022-09-17..2025-09-16', len(approved_as_of('NMPA', D1, since=dt.date(2022, 9, 16))), 9)
    s2 = approved_as_of('NMPA', D2)
    expect('total as of 2025-12-31', len(s2), 15)
    expect('by modality as of 2025-12-31', by_modality(s2),
           {'CAR-T': 8, 'gene therapy': 2, 'oncolytic virus': 1, 'small nucleic acid': 3, 'stem cell': 1})
    s3 = approved_as_of('NMPA', dt.date(2026, 11, 25))
    print(f'  total as of 2026-11-25: {len(s3)} {by_modality(s3)}')
    print('FDA (informational):')
    cber = [p for p in approved_as_of('FDA', D2, cgt_only=False) if p['modality'] != 'small nucleic acid']
    print(f'  CBER-list products first approved by 2025-12-31: {len(cber)}')
    fda_cgt = approved_as_of('FDA', D2)
    print(f'  FDA rows with counts_as_cgt=true by 2025-12-31: {len(fda_cgt)} {by_modality(fda_cgt)}')
    print(f'  FDA CAR-T by 2025-12-31: {len([p for p in fda_cgt if p["modality"] == "CAR-T"])}')
    ema_cgt = approved_as_of('EMA', D2)
    print(f'EMA rows with counts_as_cgt=true by 2025-12-31: {len(ema_cgt)} {by_modality(ema_cgt)}')

# ---------------- ClinicalTrials.gov fixtures (light checks) ----------------
if os.path.isdir(CTGOV):
    good = [f for f in sorted(os.listdir(CTGOV)) if f.endswith('.json') and not f.startswith('bad-')]
    seen_ids = Counter()
    for f in good:
        data = json.load(open(os.path.join(CTGOV, f), encoding='utf-8'))
        studies = data['studies'] if isinstance(data, dict) and 'studies' in data else [data]
        for s in studies:
            ps = s['protocolSection']
            nct = ps['identificationModule']['nctId']
            if not re.fullmatch(r'NCT\d{8}', nct):
                err(f'{f}: bad nctId {nct}')
            seen_ids[nct] += 1
            if not isinstance(ps['designModule']['phases'], list):
                err(f'{f}:{nct}: phases must be a list')
            if not isinstance(ps.get('contactsLocationsModule', {}).get('locations', []), list):
                err(f'{f}:{nct}: locations must be a list')
            if f.startswith('synthetic-') and not nct.startswith('NCT09'):
                err(f'{f}:{nct}: synthetic studies use NCT09xxxxxx ids')
    for k, v in seen_ids.items():
        if v > 1:
            err(f'ctgov fixtures: {k} appears {v} times')
    exp = open(os.path.join(CTGOV, 'EXPECTED.md'), encoding='utf-8').read()
    for k in seen_ids:
        if k not in exp:
            err(f'EXPECTED.md does not list {k}')
    print(f'ctgov fixtures: {len(good)} well-formed files, {sum(seen_ids.values())} studies')

print(f'rows: products={len(products)} aliases={len(aliases)} companies={len(companies)} '
      f'regulators={len(regulators)} policies={len(policies)} statistics={len(statistics)}')
if errors:
    print(f'\n{len(errors)} error(s):')
    for e in errors:
        print('  ' + e)
    sys.exit(1)
print('all checks passed')
