"""Overturn rates, out of the box: ``iroparse stats`` and the functions behind it.

:func:`~iroparse.stats.rates.overturn_rates` counts records (the JSON record of
:func:`iroparse.to_dict`, from letters or from any output file,
:func:`~iroparse.stats.inputs.read_records`) by one grouping of
:data:`~iroparse.stats.rates.GROUPINGS` and gives each group's overturn rate with its 95%
Wilson interval; :mod:`iroparse.stats.chart` draws them.
"""
