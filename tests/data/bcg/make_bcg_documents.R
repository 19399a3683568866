# The 13 BCG vaccine trials of metafor's dat.bcg (Colditz et al. 1994) as short abstract-style
# documents, for the end-to-end test of the meta-analysis.
# Run from the repository root:  Rscript tests/data/bcg/make_bcg_documents.R
# Each reported risk ratio and 95% CI is escalc(measure = "RR") of that trial (Katz log RR
# interval), rounded to 2 decimals; percentages are rounded to 1 decimal.
suppressMessages(library(metafor))
here <- "tests/data/bcg"
design <- c(random = "randomized controlled trial",
            alternate = "controlled trial with alternate allocation",
            systematic = "controlled trial with systematic allocation")
es <- escalc(measure = "RR", ai = tpos, bi = tneg, ci = cpos, di = cneg, data = dat.bcg)
for (i in seq_len(nrow(dat.bcg))) {
  t <- dat.bcg[i, ]
  n1 <- t$tpos + t$tneg
  n2 <- t$cpos + t$cneg
  z <- qnorm(0.975)
  rr <- exp(es$yi[i])
  lo <- exp(es$yi[i] - z * sqrt(es$vi[i]))
  hi <- exp(es$yi[i] + z * sqrt(es$vi[i]))
  text <- paste0(
    "BCG vaccination and tuberculosis: a ", design[[as.character(t$alloc)]], " (", t$author,
    ", ", t$year, ")\n\n",
    t$author, " (", t$year, ")\n\n",
    "Methods: In this ", design[[as.character(t$alloc)]], ", ", n1 + n2,
    " participants were enrolled and allocated to BCG vaccination (BCG group, n = ", n1,
    ") or no vaccination (control group, n = ", n2, ") and followed for tuberculosis.\n\n",
    "Results: Tuberculosis developed in ", t$tpos, "/", n1, " (",
    sprintf("%.1f", 100 * t$tpos / n1), "%) of participants in the BCG group and ", t$cpos, "/",
    n2, " (", sprintf("%.1f", 100 * t$cpos / n2), "%) in the control group (RR ",
    sprintf("%.2f", rr), ", 95% CI ", sprintf("%.2f", lo), "\u2013", sprintf("%.2f", hi), ").\n"
  )
  name <- sprintf("bcg_%02d_%s_%d.txt", t$trial,
                  gsub("[^a-z]+", "_", tolower(sub(" et al", "", t$author))), t$year)
  con <- file(file.path(here, name), open = "wb")
  writeBin(charToRaw(enc2utf8(text)), con)
  close(con)
}
cat("wrote", nrow(dat.bcg), "documents\n")
