/* delayline.c: a network delay line between two network namespaces.
 *
 *   delayline ONE_WAY_US NETNS_A NETNS_B [IFNAME]
 *
 * Opens a TUN device IFNAME (lat0) in each namespace (given as a path such
 * as /run/netns/NAME) and copies every IP packet read from one to the
 * other after holding it ONE_WAY_US microseconds: a round trip through it
 * costs twice that.  This kernel has no netem, so the latency bench
 * (bench/latency.py) puts its client and its libvirtd on either side of
 * this.  No bandwidth limit, no loss, order kept.  Prints "ready" once
 * both devices exist (the caller then gives them addresses), and runs
 * until killed or its input ends; a number on a line of input is a new
 * ONE_WAY_US (answered "ok"), for the packets read from then on. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <linux/if.h>
#include <linux/if_tun.h>
#include <poll.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <time.h>
#include <unistd.h>

struct pkt {
    struct pkt *next;
    long long due;            /* ns, CLOCK_MONOTONIC */
    size_t len;
    unsigned char data[];
};

struct queue {                /* FIFO: one delay for all keeps it sorted */
    struct pkt *head, *tail;
};

static long long now_ns(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (long long)t.tv_sec * 1000000000LL + t.tv_nsec;
}

/* A TUN device named name in the network namespace at path. */
static int tun_in(const char *path, const char *name)
{
    int ns = open(path, O_RDONLY | O_CLOEXEC);
    if (ns < 0 || setns(ns, CLONE_NEWNET) < 0) {
        fprintf(stderr, "delayline: %s: %s\n", path, strerror(errno));
        exit(1);
    }
    close(ns);
    int fd = open("/dev/net/tun", O_RDWR | O_CLOEXEC);
    struct ifreq ifr;
    memset(&ifr, 0, sizeof(ifr));
    ifr.ifr_flags = IFF_TUN | IFF_NO_PI;
    snprintf(ifr.ifr_name, sizeof(ifr.ifr_name), "%s", name);
    if (fd < 0 || ioctl(fd, TUNSETIFF, &ifr) < 0) {
        fprintf(stderr, "delayline: tun in %s: %s\n", path, strerror(errno));
        exit(1);
    }
    fcntl(fd, F_SETFL, O_NONBLOCK);
    return fd;
}

/* Read every packet waiting on fd into q, due delay from now. */
static void take(int fd, struct queue *q, long long delay)
{
    unsigned char buf[65536];
    ssize_t n;
    while ((n = read(fd, buf, sizeof(buf))) > 0) {
        struct pkt *p = malloc(sizeof(*p) + (size_t)n);
        if (!p)
            return;   /* dropped, as a full queue would */
        p->next = NULL;
        p->due = now_ns() + delay;
        p->len = (size_t)n;
        memcpy(p->data, buf, (size_t)n);
        if (q->tail)
            q->tail->next = p;
        else
            q->head = p;
        q->tail = p;
    }
}

/* Write the packets of q that are due to fd. */
static void give(int fd, struct queue *q, long long now)
{
    while (q->head && q->head->due <= now) {
        struct pkt *p = q->head;
        if (write(fd, p->data, p->len) < 0 && errno == EAGAIN)
            return;   /* try again on the next round */
        q->head = p->next;
        if (!q->head)
            q->tail = NULL;
        free(p);
    }
}

int main(int argc, char **argv)
{
    if (argc < 4) {
        fprintf(stderr, "usage: delayline ONE_WAY_US NETNS_A NETNS_B [IFNAME]\n");
        return 2;
    }
    long long delay = atoll(argv[1]) * 1000LL;
    const char *name = argc > 4 ? argv[4] : "lat0";
    int fd[2] = { tun_in(argv[2], name), tun_in(argv[3], name) };
    struct queue q[2] = { { NULL, NULL }, { NULL, NULL } };   /* q[i]: to fd[i] */
    printf("ready\n");
    fflush(stdout);
    for (;;) {
        long long now = now_ns(), wait = -1;
        for (int i = 0; i < 2; i++)
            if (q[i].head && (wait < 0 || q[i].head->due - now < wait))
                wait = q[i].head->due - now > 0 ? q[i].head->due - now : 0;
        struct pollfd p[3] = { { fd[0], POLLIN, 0 }, { fd[1], POLLIN, 0 },
                               { STDIN_FILENO, POLLIN, 0 } };
        struct timespec ts = { (time_t)(wait / 1000000000LL), (long)(wait % 1000000000LL) };
        if (ppoll(p, 3, wait < 0 ? NULL : &ts, NULL) < 0 && errno != EINTR)
            return 1;
        if (p[2].revents & (POLLIN | POLLHUP)) {
            char line[64];
            if (!fgets(line, sizeof(line), stdin))
                return 0;
            delay = atoll(line) * 1000LL;
            printf("ok\n");
            fflush(stdout);
        }
        for (int i = 0; i < 2; i++)
            if (p[i].revents & POLLIN)
                take(fd[i], &q[1 - i], delay);
        now = now_ns();
        for (int i = 0; i < 2; i++)
            give(fd[i], &q[i], now);
    }
}
