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

    def record(test):
        status = test['status']
        if status in ('success', 'xfail'):
            outcome = 'passed'
        elif status == 'skip':
            outcome = 'skipped'
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
    unexpected = 0
    for test_id in sorted(outcomes):
        if outcomes[test_id] != 'failed':
            continue
        # A class whose setup failed is reported under the class name (setUpClass (module.Class)).
        if test_id in known or any(test_id.startswith(k + '.') or k in test_id for k in known):
            print('FAIL (known) %s' % test_id)
        else:
            print('FAIL %s' % test_id)
            unexpected += 1
    for test_id in sorted(known):
        if outcomes.get(test_id) == 'passed':
            print('PASS (listed as known failure: shorten the list) %s' % test_id)
    return 1 if unexpected else 0


if __name__ == '__main__':
    sys.exit(main())
