"""Reads stestr's subunit stream of a tempest run on stdin and compares it with the known failures.

Prints "N passed, N failed, N skipped", every failing test (marked "known" when the list in argv[1]
names it) and every listed test that passed. Exit status 0 when every failure is known, 1 when one
is not, 2 when the stream held no test at all.
"""
import sys

import subunit
import testtools


def known_failures(path):
    known = {}
    with open(path) as lines:
        for line in lines:
            line = line.strip()
            if line and not line.startswith('#'):
                test_id, _, reason = line.partition(' ')
                known[test_id] = reason.strip()
    return known


def short_id(test_id):
    """tempest.api.volume.x.Class.test_y[id-...,smoke] -> tempest.api.volume.x.Class.test_y"""
    return test_id.split('[', 1)[0]


def main():
    known = known_failures(sys.argv[1])
    outcomes = {}
    skip_reasons = {}

    def record(test):
        status = test['status']
        if status in ('success', 'xfail'):
            outcome = 'passed'
        elif status == 'skip':
            outcome = 'skipped'
            reason = test['details'].get('reason')
            skip_reasons[short_id(test['id'])] = reason.as_text().strip() if reason else ''
        elif status in ('fail', 'uxsuccess'):
            outcome = 'failed'
        else:
            return
        outcomes[short_id(test['id'])] = outcome

    stream = subunit.ByteStreamToStreamResult(sys.stdin.buffer, non_subunit_name='stdout')
    result = testtools.StreamToDict(record)
    result.startTestRun()
    stream.run(result)
    result.stopTestRun()
    if not outcomes:
        print('no test ran')
        return 2

    counts = {kind: sum(1 for o in outcomes.values() if o == kind) for kind in ('passed', 'failed', 'skipped')}
    print('%(passed)d passed, %(failed)d failed, %(skipped)d skipped' % counts)
    def covers(key, test_id):
        # A class whose setup failed is reported under the class name (setUpClass (module.Class)).
        return test_id == key or test_id.startswith(key + '.') or key in test_id

    unexpected = 0
    failed = [t for t in sorted(outcomes) if outcomes[t] == 'failed']
    for test_id in failed:
        if any(covers(key, test_id) for key in known):
            print('FAIL (known) %s' % test_id)
        else:
            print('FAIL %s' % test_id)
            unexpected += 1
    for key in sorted(known):
        if not any(covers(key, test_id) for test_id in failed):
            print('NOT FAILING (listed as a known failure: shorten the list) %s' % key)
    for test_id in sorted(skip_reasons):
        print('SKIP %s: %s' % (test_id, skip_reasons[test_id]))
    return 1 if unexpected else 0


if __name__ == '__main__':
    sys.exit(main())
