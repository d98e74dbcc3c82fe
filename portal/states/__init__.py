"""Member States, observer States, their names over time and the UN regional groups."""
