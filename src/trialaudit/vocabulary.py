"""Values the extracted tables share with the stages that read them, in a module that imports
nothing: the stages that gather and link the tables need these words, not the extractor's
grammar (importing ``arms`` for them cost link_trials and meta_analysis about 1 s of CPU)."""

# A size counted in clusters ("32 dialysis units were allocated"): a cluster-randomised trial's
# allocation unit, which counts no people (CONSORT extension for cluster trials, Campbell et al.
# 2012, item 13a).
CLUSTERS = "clusters"
# A count of events a person can have more than once ("14 hospitalizations"): no people either.
EVENTS = "events"
# A vaccine trial's summaries of antibody titres or concentrations, and their ratio between
# arms: averages on the log scale, so the ratio of the arms' values, not their difference.
GEOMETRIC_MEAN = "geometric mean"
GEOMETRIC_MEAN_RATIO = "GMR"
