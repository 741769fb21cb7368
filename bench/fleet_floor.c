/* fleet_floor.c: what libvirt alone costs for the fleet bench's listing.
 *
 *   fleet_floor URI...
 *
 * Opens every URI at once (a thread each, no limit), asks each for every
 * domain with its state (virConnectGetAllDomainStats, the one call lvsh's
 * `list --all` makes), reads each domain's name and id as lvsh must for
 * its table, frees the listing and closes: no output, no table, no
 * deadlines.  bench/fleet.py times it next to lvsh, so the gap between
 * the two is lvsh's own cost and the rest is libvirt's and the daemons'.
 * Prints the number of domains. */
#include <libvirt/libvirt.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

struct host {
    const char *uri;
    pthread_t thread;
    int ndomains;   /* -1: failed */
    unsigned long ids;   /* read, so that the reads are kept */
};

static void *event_loop(void *unused)
{
    (void)unused;
    for (;;)
        virEventRunDefaultImpl();
    return NULL;
}

static void *list_host(void *arg)
{
    struct host *h = arg;
    virDomainStatsRecordPtr *recs = NULL;
    virConnectPtr conn = virConnectOpen(h->uri);
    h->ndomains = -1;
    if (!conn)
        return NULL;
    int n = virConnectGetAllDomainStats(conn, VIR_DOMAIN_STATS_STATE, &recs, 0);
    for (int i = 0; i < n; i++)
        h->ids += virDomainGetID(recs[i]->dom) + (virDomainGetName(recs[i]->dom) != NULL);
    h->ndomains = n;
    if (n >= 0)
        virDomainStatsRecordListFree(recs);
    virConnectClose(conn);
    return NULL;
}

int main(int argc, char **argv)
{
    int n = argc - 1;
    struct host *hosts = calloc((size_t)n + 1, sizeof(*hosts));
    pthread_t loop;
    long total = 0;
    int failed = 0;

    if (!hosts || virEventRegisterDefaultImpl() < 0 ||
        pthread_create(&loop, NULL, event_loop, NULL) != 0)
        return 1;
    for (int i = 0; i < n; i++) {
        hosts[i].uri = argv[i + 1];
        if (pthread_create(&hosts[i].thread, NULL, list_host, &hosts[i]) != 0)
            return 1;
    }
    for (int i = 0; i < n; i++) {
        pthread_join(hosts[i].thread, NULL);
        if (hosts[i].ndomains < 0)
            failed++;
        else
            total += hosts[i].ndomains;
    }
    printf("%ld domains, %d hosts failed\n", total, failed);
    free(hosts);
    return failed ? 1 : 0;   /* the event loop thread ends with the process */
}
