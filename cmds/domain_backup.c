/* domain_backup.c: starting a backup job (backup-begin) and reading its
 * description (backup-dumpxml). */
#include "domain_common.h"
#include "util.h"

#include <stdlib.h>

static enum lvsh_status run_backup_begin(struct lvsh_session *s, const struct lvsh_args *a,
                                         struct lvsh_result *r)
{
    const char *bfile = args_str(a, "backupxml"), *cfile = args_str(a, "checkpointxml");
    char *bxml = bfile ? xml_read_file(r, bfile) : xstrdup("<domainbackup/>");
    char *cxml = cfile && bxml ? xml_read_file(r, cfile) : NULL;
    virDomainPtr d = args_target(a);
    enum lvsh_status st = LVSH_FAILED;
    (void)s;
    if (!bxml || (cfile && !cxml)) {
        ;
    } else if (virDomainBackupBegin(d, bxml, cxml, args_flags(a)) < 0) {
        st = err_lib(r, "failed to start a backup of domain '%s'", args_target_key(a));
    } else {
        out_info(r, "Backup started");
        out_json(r, kind_json_ref(LVSH_KIND_DOMAIN, d));
        out_json_set(r, "backup", json_string("started"));
        st = LVSH_OK;
    }
    free(bxml);
    free(cxml);
    return st;
}

static const struct lvsh_opt opts_backup_begin[] = {
    DOM_OPT_DOMAIN(LVSH_COMP_DOMAIN_ACTIVE),
    { .name = "backupxml", .type = LVSH_OPT_STRING,
      .help = "<domainbackup> XML (default: a full push backup next to each disk)",
      .metavar = "file", .complete = LVSH_COMP_FILE },
    { .name = "checkpointxml", .type = LVSH_OPT_STRING,
      .help = "<domaincheckpoint> XML of a checkpoint to create with the backup",
      .metavar = "file", .complete = LVSH_COMP_FILE },
    { .name = "reuse-external", .type = LVSH_OPT_BOOL,
      .flag = VIR_DOMAIN_BACKUP_BEGIN_REUSE_EXTERNAL,
      .help = "write into the target files the caller created" },
    LVSH_OPT_END,
};

static const struct lvsh_cmd cmd_backup_begin = {
    .name = "backup-begin",
    .group = "domain",
    .summary = "start a backup of a running domain",
    .description = "Start a backup job as the <domainbackup> XML describes: push mode "
                   "writes the disks to files, pull mode exports them over NBD; an "
                   "incremental backup copies only what changed since a checkpoint.  "
                   "Follow the job with domjobinfo, stop it with domjobabort.",
    .opts = opts_backup_begin,
    .flags = LVSH_CMD_CONN | LVSH_CMD_WRITES,
    .handler = run_backup_begin,
    .target = LVSH_KIND_DOMAIN,
};

static enum lvsh_status run_backup_dumpxml(struct lvsh_session *s, const struct lvsh_args *a,
                                           struct lvsh_result *r)
{
    (void)s;
    virDomainPtr d = args_target(a);
    const char *name = virDomainGetName(d);
    char *xml = virDomainBackupGetXMLDesc(d, 0);
    enum lvsh_status st = LVSH_OK;
    if (xml)
        out_xml(r, xml);
    else
        st = err_lib(r, "failed to get the backup job XML of domain '%s'", name);
    free(xml);
    return st;
}

static const struct lvsh_opt opts_backup_dumpxml[] = {
    DOM_OPT_DOMAIN(LVSH_COMP_DOMAIN_ACTIVE),
    LVSH_XPATH_OPTS,
    LVSH_OPT_END,
};

static const struct lvsh_cmd cmd_backup_dumpxml = {
    .name = "backup-dumpxml",
    .group = "domain",
    .summary = "print the XML of a domain's backup job",
    .description = "Print the <domainbackup> XML of the backup job running on the domain, "
                   "with the targets libvirt chose.",
    .opts = opts_backup_dumpxml,
    .flags = LVSH_CMD_CONN | LVSH_CMD_XML,
    .handler = run_backup_dumpxml,
    .target = LVSH_KIND_DOMAIN,
};

LVSH_FAMILY(domain_backup) = { &cmd_backup_begin, &cmd_backup_dumpxml, NULL };
